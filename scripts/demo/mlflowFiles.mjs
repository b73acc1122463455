// Writes MLflow file-store folders as MLflow lays them out: an experiment's meta.yaml, and a run's
// meta.yaml, params/<key>, tags/<key> and metrics/<key> ("timestamp value step" lines). Used by the demo
// workspace and the end-to-end fixtures, which differ only in what runs they write.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const statusCodes = { running: 1, scheduled: 2, finished: 3, failed: 4, killed: 5 };

export function writeFile(path, content) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

/** `<root>/mlruns/<id>/meta.yaml`. */
export function writeExperimentMeta(root, id, name, created) {
  const folder = join(root, 'mlruns', id);
  writeFile(join(folder, 'meta.yaml'), [
    `artifact_location: file://${folder}`,
    `creation_time: ${created}`,
    `experiment_id: '${id}'`,
    `last_update_time: ${created}`,
    'lifecycle_stage: active',
    `name: ${name}`,
    '',
  ].join('\n'));
  return folder;
}

/**
 * `<root>/mlruns/<experimentId>/<runId>/` with its meta.yaml, params, tags and metrics. `metrics` maps a key
 * to `[timestamp, value, step]` points; `end` null or undefined means the run has not ended.
 */
export function writeMlflowRun(root, { experimentId, runId, name, status, start, end, user, params = {}, metrics = {}, tags = {} }) {
  const folder = join(root, 'mlruns', experimentId, runId);
  writeFile(join(folder, 'meta.yaml'), [
    `artifact_uri: file://${join(folder, 'artifacts')}`,
    `end_time: ${end ?? 'null'}`,
    'entry_point_name: \'\'',
    `experiment_id: '${experimentId}'`,
    'lifecycle_stage: active',
    `run_id: ${runId}`,
    `run_name: ${JSON.stringify(name)}`,
    `run_uuid: ${runId}`,
    'source_name: \'\'',
    'source_type: 4',
    'source_version: \'\'',
    `start_time: ${start}`,
    `status: ${statusCodes[status]}`,
    'tags: []',
    `user_id: ${user}`,
    '',
  ].join('\n'));
  mkdirSync(join(folder, 'artifacts'), { recursive: true });
  mkdirSync(join(folder, 'metrics'), { recursive: true });
  for (const [key, value] of Object.entries(params)) writeFile(join(folder, 'params', key), String(value));
  for (const [key, value] of Object.entries(tags)) writeFile(join(folder, 'tags', key), String(value));
  for (const [key, points] of Object.entries(metrics)) {
    writeFile(join(folder, 'metrics', key), points.map(([time, value, step]) => `${time} ${formatValue(value)} ${step}\n`).join(''));
  }
  return folder;
}

function formatValue(value) {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(Number(value.toPrecision(6)));
}
