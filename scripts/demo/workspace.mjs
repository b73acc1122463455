// Generates the demo workspace `npm start` opens: an MLflow file store with a few experiments (a sweep,
// nested runs, odd names, a damaged run), Lightning CSVLogger versions, a params.yaml, and one MLflow run
// that liveRun.mjs keeps writing. Reproducible (seeded), and written only into a folder it owns.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeExperimentMeta, writeFile as write, writeMlflowRun as writeRunFolder } from './mlflowFiles.mjs';

/** Bump when the generated content changes, so an old demo folder is regenerated. */
const generatorVersion = '1';
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
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
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
  return writeRunFolder(root, {
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
  runs++;

  for (let v = 0; v < 40; v++) {
    const folder = join(root, 'lightning_logs', `version_${v}`);
    const lr = pick([0.01, 0.001, 0.0003]);
    write(join(folder, 'hparams.yaml'), `learning_rate: ${lr}\ndropout: ${pick([0.05, 0.1, 0.25])}\nbatch_size: ${pick([32, 64])}\n`);
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
  }

  write(join(root, 'params.yaml'), [
    'model:',
    '  name: resnet50',
    '  dropout: 0.1',
    'optimizer:',
    '  name: adam',
    '  lr: 0.01',
    '  batch_size: 64',
    'train:',
    '  epochs: 30',
    '  seed: 1',
    '',
  ].join('\n'));
  write(join(root, 'README.md'), [
    '# ide-tracker demo workspace',
    '',
    'Generated by `npm start` (scripts/demo/workspace.mjs); safe to delete.',
    '',
    '- `mlruns/`: an MLflow file store — Default, resnet-sweep (200 runs), bert-finetune (nested trials),',
    '  live-training (one run that keeps logging while the demo runs), odd-names (markup, a 10,000-character',
    '  name, NaN metrics, a damaged meta.yaml).',
    '- `lightning_logs/`: 40 PyTorch Lightning CSVLogger versions (the last one never logged a metric).',
    '',
  ].join('\n'));
  return runs;
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
