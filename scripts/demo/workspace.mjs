// Generates the demo workspace `npm start` opens: an MLflow file store with a few experiments (a sweep,
// nested runs, odd names, a damaged run), Lightning CSVLogger versions, TensorBoard logs, Sacred runs, a Hydra
// sweep whose jobs hold Lightning logs, a DVC project with experiments in git, Guild runs, Keras and JSONL
// logs, config files lined up with those runs (configFiles.mjs: params.yaml, a Hydra conf/, train.py, a TOML and a
// JSON config), and one MLflow run that liveRun.mjs keeps writing. Reproducible (seeded), and written
// only into a folder it owns.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { hydraOptions, writeDemoConfigs } from './configFiles.mjs';
import { writeDvcProject } from './dvcFiles.mjs';
import { settle } from './fileTimes.mjs';
import { writeGuildRun } from './guildFiles.mjs';
import { writeHydraJob, writeHydraSweep } from './hydraFiles.mjs';
import { writeJsonlLog, writeKerasLog } from './metricLogFiles.mjs';
import { writeExperimentMeta, writeFile as write, writeMlflowRun as writeRunFolder } from './mlflowFiles.mjs';
import { writeSacredRun } from './sacredFiles.mjs';
import { writeEventFile } from './tensorboardFiles.mjs';
import { writeWandbRun } from './wandbFiles.mjs';

/** Bump when the generated content changes, so an old demo folder is regenerated. */
const generatorVersion = '6';
const stampFile = '.ide-tracker-demo';
const day = 24 * 60 * 60 * 1000;

export const liveExperimentId = '3';
export const liveRunId = 'feedc0de0000000000000000000000aa';

export function defaultDemoFolder() {
  const cache = process.env.IDE_TRACKER_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ide-tracker');
  return join(cache, 'demo');
}

export function liveRunFolder(root) {
  return join(root, 'mlruns', liveExperimentId, liveRunId);
}

/** Writes the demo into `root` unless a demo of this version is already there. Refuses a non-empty folder
 * it did not make. Returns the number of runs written (0 when the existing demo was kept). */
export function ensureDemoWorkspace(root, now = Date.now()) {
  const stamp = join(root, stampFile);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === generatorVersion) return 0;
  if (existsSync(root) && !existsSync(stamp) && readdirSync(root).length > 0) {
    throw new Error(`${root} exists and is not a demo workspace; remove it or pick another folder.`);
  }
  // What the user wrote in the demo (stars, tags, notes under .ide-tracker/) survives a new generator.
  const annotations = join(root, '.ide-tracker');
  const kept = `${root}.ide-tracker-kept`;
  rmSync(kept, { recursive: true, force: true });
  if (existsSync(annotations)) renameSync(annotations, kept);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  if (existsSync(kept)) renameSync(kept, annotations);
  const runs = writeDemo(root, now);
  writeFileSync(stamp, `${generatorVersion}\n`);
  return runs;
}

function rng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hexId(random) {
  return Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
}

/** One demo run: the standard tags of a run started from a script in git, then the MLflow folder. */
export function writeMlflowRun(root, { parentId, tags = {}, ...run }) {
  const folder = writeRunFolder(root, {
    ...run,
    user: 'demo',
    tags: {
      'mlflow.runName': run.name,
      'mlflow.user': 'demo',
      'mlflow.source.name': 'train.py',
      'mlflow.source.git.commit': '4f1c2b7e9a0d3c5b8e6f1a2d4c7b9e0f1a3c5d7e',
      ...(parentId ? { 'mlflow.parentRunId': parentId } : {}),
      ...tags,
    },
  });
  if (run.status !== 'running') settle(folder, run.end ?? run.start);
  return folder;
}

function curves(random, { steps, start, best, every = 60_000 }) {
  const acc = [];
  const loss = [];
  for (let step = 0; step < steps; step++) {
    const progress = 1 - Math.exp(-4 * (step + 1) / steps);
    const time = start + step * every;
    acc.push([time, Math.min(0.999, best * progress + (random() - 0.5) * 0.02), step]);
    loss.push([time, Math.max(0.01, 2.3 * (1 - progress) + 0.1 + (random() - 0.5) * 0.05), step]);
  }
  return { val_acc: acc, loss };
}

function writeDemo(root, now) {
  const random = rng(20260105);
  let runs = 0;
  const pick = (items) => items[Math.floor(random() * items.length)];
  const statusOf = () => {
    const r = random();
    return r < 0.86 ? 'finished' : r < 0.95 ? 'failed' : 'killed';
  };

  writeExperimentMeta(root, '0', 'Default', now - 40 * day);
  for (let i = 0; i < 6; i++) {
    const start = now - (30 - i * 4) * day;
    writeMlflowRun(root, {
      experimentId: '0', runId: hexId(random), name: `baseline-${i}`, status: 'finished', start, end: start + 20 * 60_000,
      params: { alpha: pick([0.1, 0.5, 1.0]), l1_ratio: pick([0.1, 0.5]) },
      metrics: { rmse: [[start + 20 * 60_000, 0.7 + random() * 0.2, 0]], r2: [[start + 20 * 60_000, 0.2 + random() * 0.3, 0]] },
    });
    runs++;
  }

  writeExperimentMeta(root, '1', 'resnet-sweep', now - 20 * day);
  for (let i = 0; i < 200; i++) {
    const lr = pick([0.1, 0.03, 0.01, 0.003, 0.001]);
    const batch = pick([32, 64, 128, 256]);
    const start = now - (20 * day) + i * 2.2 * 60 * 60_000;
    const status = statusOf();
    const steps = status === 'finished' ? 30 : 5 + Math.floor(random() * 20);
    const best = 0.97 - Math.abs(Math.log10(lr) + 2) * 0.04 - (batch === 256 ? 0.02 : 0) + (random() - 0.5) * 0.02;
    writeMlflowRun(root, {
      experimentId: '1', runId: hexId(random), name: `resnet50-lr${lr}-bs${batch}-${i}`, status, start,
      end: start + steps * 60_000,
      params: { lr, batch_size: batch, optimizer: pick(['adam', 'sgd']), epochs: 30, seed: i % 5 },
      metrics: curves(random, { steps, start, best }),
    });
    runs++;
  }

  writeExperimentMeta(root, '2', 'bert-finetune', now - 10 * day);
  for (let p = 0; p < 6; p++) {
    const parentId = hexId(random);
    const start = now - (10 - p) * day;
    writeMlflowRun(root, {
      experimentId: '2', runId: parentId, name: `bert-base-search-${p}`, status: 'finished', start, end: start + 8 * 30 * 60_000,
      params: { model: 'bert-base-uncased', trials: 8 },
      metrics: { val_acc: [[start + 8 * 30 * 60_000, 0.88 + random() * 0.05, 0]] },
    });
    runs++;
    for (let c = 0; c < 8; c++) {
      const childStart = start + c * 30 * 60_000;
      writeMlflowRun(root, {
        experimentId: '2', runId: hexId(random), parentId, name: `trial-${p}-${c}`, status: statusOf(), start: childStart,
        end: childStart + 25 * 60_000,
        params: { lr: pick([5e-5, 3e-5, 2e-5]), warmup: pick([0, 100, 500]), dropout: pick([0.1, 0.2]) },
        metrics: curves(random, { steps: 12, start: childStart, best: 0.86 + random() * 0.07 }),
      });
      runs++;
    }
  }

  writeExperimentMeta(root, liveExperimentId, 'live-training', now - 2 * day);
  for (let i = 0; i < 2; i++) {
    const start = now - (2 - i) * day;
    writeMlflowRun(root, {
      experimentId: liveExperimentId, runId: hexId(random), name: `mnist-cnn-${i}`, status: 'finished', start, end: start + 40 * 60_000,
      params: { lr: 0.001, batch_size: 64 }, metrics: curves(random, { steps: 40, start, best: 0.985 }),
    });
    runs++;
  }
  resetLiveRun(root, now);
  runs++;

  writeExperimentMeta(root, '4', 'odd-names', now - 5 * day);
  const odd = [
    '<img src=x onerror=alert(1)> **bold** [link](command:workbench.action.quit) $(bug)',
    `${'very-long-run-name-'.repeat(526)}end`,
    'diverged (NaN loss)',
  ];
  odd.forEach((name, i) => {
    const start = now - (4 - i) * day;
    writeMlflowRun(root, {
      experimentId: '4', runId: hexId(random), name, status: i === 2 ? 'failed' : 'finished', start, end: start + 10 * 60_000,
      params: { note: name.slice(0, 200) },
      metrics: i === 2
        ? { val_acc: [[start, 0.4, 0], [start + 60_000, Number.NaN, 1]], loss: [[start, 1.2, 0], [start + 60_000, Infinity, 1]] }
        : curves(random, { steps: 10, start, best: 0.9 }),
    });
    runs++;
  });

  // A damaged run: its status is not a number, which the index lists under Problems with file and line.
  const broken = writeMlflowRun(root, {
    experimentId: '4', runId: hexId(random), name: 'damaged-meta', status: 'finished', start: now - day, end: now - day + 60_000,
  });
  const meta = readFileSync(join(broken, 'meta.yaml'), 'utf8').replace(/^status: .*$/m, 'status: banana');
  writeFileSync(join(broken, 'meta.yaml'), meta);
  settle(broken, now - day + 60_000);
  runs++;

  for (let v = 0; v < 40; v++) {
    const folder = join(root, 'lightning_logs', `version_${v}`);
    const lr = pick([0.01, 0.001, 0.0003]);
    const started = now - (40 - v) * 5 * 60 * 60_000;
    write(join(folder, 'hparams.yaml'), `learning_rate: ${lr}\ndropout: ${pick([0.05, 0.1, 0.25])}\nbatch_size: ${pick([32, 64])}\n`);
    settle(join(folder, 'hparams.yaml'), started);
    runs++;
    if (v === 39) continue;
    const rows = ['epoch,step,train_acc,train_loss,val_acc,val_loss'];
    const best = 0.99 - Math.abs(Math.log10(lr) + 3) * 0.01;
    for (let epoch = 0; epoch < 10; epoch++) {
      for (let k = 1; k <= 4; k++) {
        const step = epoch * 200 + k * 50 - 1;
        rows.push(`${epoch},${step},${(best - 0.3 / (step + 10) * 10).toFixed(4)},${(2 / (step + 10) * 10).toFixed(4)},,`);
      }
      rows.push(`${epoch},${epoch * 200 + 199},,,${(best - 0.2 / (epoch + 1)).toFixed(4)},${(0.5 / (epoch + 1)).toFixed(4)}`);
    }
    write(join(folder, 'metrics.csv'), `${rows.join('\n')}\n`);
    settle(join(folder, 'metrics.csv'), started + 50 * 60_000);
  }

  runs += writeOtherFormats(root, now, random, pick);

  writeDemoConfigs(root);
  write(join(root, 'README.md'), [
    '# ide-tracker demo workspace',
    '',
    'Generated by `npm start` (scripts/demo/workspace.mjs); safe to delete.',
    '',
    '- `mlruns/`: an MLflow file store — Default, resnet-sweep (200 runs), bert-finetune (nested trials),',
    '  live-training (one run that keeps logging while the demo runs), odd-names (markup, a 10,000-character',
    '  name, NaN metrics, a damaged meta.yaml).',
    '- `lightning_logs/`: 40 PyTorch Lightning CSVLogger versions (the last one never logged a metric).',
    '- `tb_logs/`: 12 Lightning TensorBoardLogger versions (event files and hparams.yaml).',
    '- `sacred_runs/`: 8 Sacred FileStorageObserver runs.',
    '- `multirun/`: a Hydra sweep of 6 jobs, each with a Lightning CSVLogger inside (one run per job);',
    '  `outputs/`: a single Hydra run with TensorBoard events inside.',
    '- `dvc-project/`: a DVC project with DVCLive metrics; its git repository holds a branch and an experiment ref.',
    '- `.guild/runs/`: 5 Guild AI runs.',
    '- `wandb/`: 6 Weights & Biases offline runs (one failed, one killed mid-log).',
    '- `keras_logs/`: Keras CSVLogger files; `jsonl_logs/`: a JSONL metric log.',
    '- Config files whose values those runs tried: `params.yaml` and `train.py` (resnet-sweep), `conf/` (the Hydra',
    '  sweep\'s primary config and group options), `config.toml` (the W&B runs), `configs/bert.json` (bert-finetune).',
    '  Hover a value to see how its runs did.',
    '',
  ].join('\n'));
  return runs;
}

/** Runs of every format besides MLflow and Lightning CSV. Returns how many runs were written. */
function writeOtherFormats(root, now, random, pick) {
  let runs = 0;
  const hour = 60 * 60_000;

  for (let v = 0; v < 12; v++) {
    const folder = join(root, 'tb_logs', 'resnet', `version_${v}`);
    const start = now - (12 - v) * 6 * hour;
    const lr = pick([0.1, 0.01, 0.001]);
    const { val_acc: acc, loss } = curves(random, { steps: 50, start, best: 0.93 - Math.abs(Math.log10(lr) + 2) * 0.03, every: 30_000 });
    write(join(folder, 'hparams.yaml'), `lr: ${lr}\nweight_decay: ${pick([0, 0.0001])}\nbatch_size: ${pick([64, 128])}\n`);
    writeEventFile(folder, { start, hparams: { lr, optimizer: 'sgd' }, series: { 'val/acc': acc, 'train/loss': loss, 'lr-SGD': acc.map(([t, , s]) => [t, lr, s]) } });
    settle(folder, start + 50 * 30_000);
    runs++;
  }

  for (let id = 1; id <= 8; id++) {
    const start = now - (9 - id) * 8 * hour;
    const status = id === 8 ? 'failed' : 'finished';
    const steps = status === 'failed' ? 7 : 25;
    const units = pick([64, 128, 256]);
    const { val_acc: acc, loss } = curves(random, { steps, start, best: 0.8 + units / 2560, every: 120_000 });
    writeSacredRun(join(root, 'sacred_runs'), id, {
      experiment: 'pws_estimate', status, start, end: start + steps * 120_000,
      config: { seed: 1000 + id, model: { hidden_units: units, layers: pick([2, 3]) }, optimizer: { lr: pick([0.001, 0.0005]) } },
      updates: { 'model.hidden_units': units },
      metrics: { val_acc: acc, loss }, commit: '9c1e7a2b4d6f8a0c2e4b6d8f0a1c3e5b7d9f1a3c', dirty: id % 3 === 0,
    });
    settle(join(root, 'sacred_runs', String(id)), start + steps * 120_000);
    runs++;
  }

  // Composed from conf/config.yaml (configFiles.mjs): its defaults pick model resnet and optimizer adam.
  const sweep = join(root, 'multirun', '2026-11-28', '14-05-12');
  const lrs = [0.1, 0.03, 0.01];
  const sweepChoices = { model: 'resnet', optimizer: 'adam', 'hydra/launcher': 'basic' };
  const composed = { model: hydraOptions.model.resnet, optimizer: hydraOptions.optimizer.adam };
  writeHydraSweep(sweep, {
    jobName: 'train', config: { ...composed, lr: 0.1, batch_size: 64 }, sweep: ['lr=0.1,0.03,0.01', 'batch_size=64,128'], choices: sweepChoices,
  });
  runs++;
  for (let job = 0; job < 6; job++) {
    const lr = lrs[job % 3];
    const batch = job < 3 ? 64 : 128;
    const start = now - 3 * day + job * hour;
    const folder = writeHydraJob(join(sweep, String(job)), {
      jobName: 'train', num: job, start, overrides: [`lr=${lr}`, `batch_size=${batch}`],
      config: { ...composed, lr, batch_size: batch }, choices: sweepChoices,
    });
    const rows = ['epoch,step,train_loss,val_acc'];
    for (let epoch = 0; epoch < 8; epoch++) {
      rows.push(`${epoch},${epoch * 100 + 99},${(1.5 / (epoch + 1) + lr).toFixed(4)},`);
      rows.push(`${epoch},${epoch * 100 + 99},,${(0.92 - Math.abs(Math.log10(lr) + 1.5) * 0.05 - 0.3 / (epoch + 1)).toFixed(4)}`);
    }
    write(join(folder, 'lightning_logs', 'version_0', 'hparams.yaml'), `lr: ${lr}\nbatch_size: ${batch}\n`);
    write(join(folder, 'lightning_logs', 'version_0', 'metrics.csv'), `${rows.join('\n')}\n`);
    settle(folder, start + 40 * 60_000);
    settle(join(folder, '.hydra'), start);
    settle(join(folder, 'lightning_logs', 'version_0', 'hparams.yaml'), start);
    runs++;
  }
  settle(join(sweep, 'multirun.yaml'), now - 3 * day);
  const single = writeHydraJob(join(root, 'outputs', '2026-11-27', '09-30-00'), {
    jobName: 'finetune', start: now - 4 * day, overrides: ['model=vit_small', 'lr=0.0003'],
    config: { model: hydraOptions.model.vit_small, lr: 0.0003, epochs: 20 }, choices: { model: 'vit_small', 'hydra/launcher': 'basic' },
  });
  writeEventFile(join(single, 'tb'), { start: now - 4 * day, series: curves(random, { steps: 20, start: now - 4 * day, best: 0.95 }) });
  settle(single, now - 4 * day + 20 * 60_000);
  runs++;

  runs += writeDvcProject(join(root, 'dvc-project'), [
    { params: { lr: 0.001, epochs: 12, conv_units: 32 }, curves: dvcCurves(random, now - 2 * hour, 0.91), digest: 'a1f4c0e9b2d35e7f8a6b4c2d0e1f3a5b' },
    { kind: 'branch', name: 'main', message: 'Baseline CNN', params: { lr: 0.001, epochs: 10, conv_units: 16 }, curves: dvcCurves(random, now - 5 * day, 0.86), digest: 'a1f4c0e9b2d35e7f8a6b4c2d0e1f3a5b' },
    { kind: 'branch', name: 'cnn-64', message: 'Wider convolutions', params: { lr: 0.001, epochs: 10, conv_units: 64 }, curves: dvcCurves(random, now - 4 * day, 0.89), digest: 'a1f4c0e9b2d35e7f8a6b4c2d0e1f3a5b' },
    { kind: 'exp', name: 'quick-lr', message: 'dvc exp run -S train.lr=0.01', params: { lr: 0.01, epochs: 10, conv_units: 16 }, curves: dvcCurves(random, now - 3 * day, 0.84), digest: 'c7d2e9f0a1b3c4d5e6f7081920a3b4c5' },
  ]);
  for (const file of ['dvclive', 'dvc.lock', 'params.yaml', 'dvc.yaml']) settle(join(root, 'dvc-project', file), now - 2 * hour + 10 * 60_000);

  for (let i = 0; i < 5; i++) {
    const start = now - (6 - i) * day;
    const { val_acc: acc } = curves(random, { steps: 15, start, best: 0.8 + i * 0.02 });
    const guildRun = writeGuildRun(join(root, '.guild'), hexId(random), {
      op: 'train', flags: { learning_rate: pick([0.1, 0.05]), max_depth: 3 + i }, label: `max_depth=${3 + i}`,
      start, end: start + 15 * 60_000, exitStatus: i === 4 ? 1 : 0, series: { accuracy: acc },
    });
    settle(guildRun, start + 15 * 60_000);
    runs++;
  }

  for (let i = 0; i < 6; i++) {
    const start = now - (7 - i) * 9 * hour;
    const lr = pick([0.0003, 0.001, 0.003]);
    const steps = i === 5 ? 40 : 120;
    const history = Array.from({ length: steps }, (_, step) => ({
      _step: step, _timestamp: (start + step * 15_000) / 1000,
      'train/loss': Number((3.2 * Math.exp(-step / 45) + 0.4 + random() * 0.05).toFixed(4)),
      ...(step % 10 === 9 ? { 'val/acc': Number((0.9 - 0.5 * Math.exp(-step / 40) - Math.abs(Math.log10(lr) + 3) * 0.03).toFixed(4)) } : {}),
    }));
    const folder = writeWandbRun(join(root, 'wandb'), {
      id: hexId(random).slice(0, 8), project: 'tiny-transformer', name: `lion-${lr}-${i}`, start, history,
      config: { lr, optimizer: i % 2 ? 'lion' : 'adamw', layers: 4, d_model: 256 }, exitCode: i === 5 ? null : i === 4 ? 1 : 0,
      tags: i === 0 ? ['baseline'] : [],
    });
    settle(folder, start + steps * 15_000);
    runs++;
  }

  const epochs = (best) => Array.from({ length: 15 }, (_, e) => ({
    accuracy: Number((best - 0.4 / (e + 1)).toFixed(4)), loss: Number((1.2 / (e + 1)).toFixed(4)),
    val_accuracy: Number((best - 0.02 - 0.4 / (e + 1)).toFixed(4)), val_loss: Number((1.3 / (e + 1)).toFixed(4)),
  }));
  writeKerasLog(join(root, 'keras_logs', 'training.log'), epochs(0.95));
  writeKerasLog(join(root, 'keras_logs', 'finetune.csv'), epochs(0.97));
  writeJsonlLog(join(root, 'jsonl_logs', 'metrics.jsonl'), Array.from({ length: 40 }, (_, step) => ({
    step, time: (now - day) / 1000 + step * 30, train: { loss: Number((2 / (step + 1)).toFixed(4)) }, lr: 0.001,
  })));
  for (const log of ['keras_logs', 'jsonl_logs']) settle(join(root, log), now - day + 20 * 60_000);
  runs += 3;
  return runs;
}

function dvcCurves(random, start, best) {
  const { val_acc: acc, loss } = curves(random, { steps: 10, start, best });
  return { 'train/acc': acc, 'train/loss': loss, 'eval/acc': acc.map(([t, v, s]) => [t, Number((v - 0.02).toFixed(4)), s]) };
}

/** The live run starts over at every demo start: running, no metric yet. */
export function resetLiveRun(root, now = Date.now()) {
  const folder = liveRunFolder(root);
  rmSync(folder, { recursive: true, force: true });
  return writeMlflowRun(root, {
    experimentId: liveExperimentId, runId: liveRunId, name: 'mnist-cnn-live', status: 'running', start: now, end: null,
    params: { lr: 0.001, batch_size: 64, epochs: 1000 }, metrics: { val_acc: [], loss: [] },
  });
}
