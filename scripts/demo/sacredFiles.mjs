// Writes Sacred FileStorageObserver run folders: <basedir>/<id>/run.json, config.json, metrics.json, cout.txt,
// as Sacred 0.8 writes them (times ISO 8601 in UTC without a zone; metrics as {values, steps, timestamps}).
import { join } from 'node:path';
import { writeFile } from './mlflowFiles.mjs';

const iso = (ms) => new Date(ms).toISOString().replace('Z', '');

const sacredStatus = { finished: 'COMPLETED', failed: 'FAILED', killed: 'INTERRUPTED', running: 'RUNNING' };

/** `metrics` maps a name to `[timestampMs, value, step]` points. */
export function writeSacredRun(basedir, id, { experiment, status, start, end, config, metrics, commit, dirty = false, updates = {} }) {
  const folder = join(basedir, String(id));
  writeFile(join(folder, 'run.json'), JSON.stringify({
    experiment: {
      name: experiment,
      base_dir: '/home/demo/project',
      sources: [['train.py', '_sources/train_5f1c.py']],
      dependencies: ['numpy==1.26.4', 'sacred==0.8.5', 'torch==2.3.1'],
      repositories: [{ url: 'git@github.com:demo/project.git', commit, dirty }],
      mainfile: 'train.py',
    },
    command: 'main',
    host: { hostname: 'demo-box', os: ['Linux', 'Linux-6.1.0-x86_64-with-glibc2.36'], python_version: '3.11.7', cpu: 'AMD EPYC 7B13', gpus: { gpus: [{ model: 'NVIDIA A100-SXM4-40GB', total_memory: 40960, persistence_mode: false }], driver_version: '535.104.05' } },
    start_time: iso(start),
    meta: { command: 'main', options: { '--name': null, 'UPDATE': Object.entries(updates).map(([k, v]) => `${k}=${v}`) }, config_updates: updates },
    status: sacredStatus[status],
    resources: [],
    artifacts: [],
    captured_out: '',
    info: {},
    heartbeat: iso(end ?? start),
    ...(end ? { stop_time: iso(end) } : {}),
    result: status === 'finished' ? metrics.val_acc?.at(-1)?.[1] ?? null : null,
    ...(status === 'failed' ? { fail_trace: ['Traceback (most recent call last):\n', 'RuntimeError: CUDA out of memory.\n'] } : {}),
  }, null, 2));
  writeFile(join(folder, 'config.json'), JSON.stringify(config, null, 2));
  const out = {};
  for (const [name, points] of Object.entries(metrics)) {
    out[name] = { values: points.map((p) => p[1]), steps: points.map((p) => p[2]), timestamps: points.map((p) => iso(p[0])) };
  }
  writeFile(join(folder, 'metrics.json'), JSON.stringify(out));
  writeFile(join(folder, 'cout.txt'), `INFO - ${experiment} - Running command 'main'\n`);
  return folder;
}
