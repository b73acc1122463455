// Writes Hydra job folders (.hydra/config.yaml, hydra.yaml, overrides.yaml, <job>.log) and a multirun sweep's
// multirun.yaml, as Hydra 1.3 lays them out; the metrics come from whatever logger the caller writes into the job.
import { join } from 'node:path';
import { writeFile } from './mlflowFiles.mjs';

function yaml(value, indent = '') {
  return Object.entries(value).map(([k, v]) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? `${indent}${k}:\n${yaml(v, `${indent}  `)}`
    : Array.isArray(v)
      ? (v.length === 0 ? `${indent}${k}: []\n` : `${indent}${k}:\n${v.map((item) => `${indent}- ${item}\n`).join('')}`)
      : `${indent}${k}: ${v}\n`)).join('');
}

// The group options a job was composed from, as Hydra records them in hydra.yaml (runtime.choices).
const defaultChoices = { model: 'resnet', 'hydra/launcher': 'basic' };

function hydraSection(jobName, overrides, num, choices = defaultChoices) {
  return {
    hydra: {
      mode: num === undefined ? 'RUN' : 'MULTIRUN',
      overrides: { hydra: [], task: overrides },
      job: { name: jobName, chdir: true, num: num ?? '???', id: num === undefined ? '???' : `job_${num}` },
      runtime: { version: '1.3.2', cwd: '/home/demo/project', choices },
    },
  };
}

/** A job folder: the resolved `config` (nested object), the overrides as `key=value` strings, the group
 * `choices` ({ optimizer: 'adam' }). */
export function writeHydraJob(folder, { jobName, config, overrides, num, start, choices }) {
  writeFile(join(folder, '.hydra', 'config.yaml'), yaml(config));
  writeFile(join(folder, '.hydra', 'hydra.yaml'), yaml(hydraSection(jobName, overrides, num, choices)));
  writeFile(join(folder, '.hydra', 'overrides.yaml'), overrides.length ? overrides.map((o) => `- ${o}\n`).join('') : '[]\n');
  writeFile(join(folder, `${jobName}.log`), `[${new Date(start).toISOString().replace('T', ' ').slice(0, 23)}][__main__][INFO] - Training ${jobName}\n`);
  return folder;
}

/** A sweep folder's multirun.yaml: the base config and what was swept (`lr=0.1,0.01`). */
export function writeHydraSweep(folder, { jobName, config, sweep, choices }) {
  writeFile(join(folder, 'multirun.yaml'), yaml({ ...hydraSection(jobName, sweep, 0, choices), ...config }));
  return folder;
}
