import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readExtensionManifest } from '../../../test/unit/extensionManifest';
import { matchesGlob } from '../../../test/unit/vscodeGlob';
import { runFilesGlob } from '../runFiles';

// Paths (relative to the workspace folder) that each format writes while a run goes on, as FORMATS.md lists them.
const runFiles: Record<string, string[]> = {
  mlflow: ['mlruns/0/0123abcd/meta.yaml', 'mlruns/0/0123abcd/metrics/val/loss', 'mlruns/0/0123abcd/params/lr',
    'mlruns/0/0123abcd/tags/mlflow.note.content', 'mlruns/0/meta.yaml', 'mlflow.db', 'sub/mlflow.db-wal'],
  lightning: ['logs/lightning_logs/version_3/metrics.csv', 'logs/lightning_logs/version_3/hparams.yaml'],
  tensorboard: ['runs/exp1/events.out.tfevents.1700000000.host.123.0', 'tb/events.out.tfevents.1700000000.host.9.v2'],
  wandb: ['wandb/run-20240101_120000-abc123/run-abc123.wandb', 'wandb/offline-run-20240101_120000-abc123/files/config.yaml',
    'wandb/run-20240101_120000-abc123/files/wandb-summary.json', 'wandb/run-20240101_120000-abc123/files/wandb-metadata.json',
    'wandb/run-20240101_120000-abc123/files/requirements.txt', 'wandb/run-20240101_120000-abc123/files/output.log'],
  sacred: ['runs/7/run.json', 'runs/7/config.json', 'runs/7/metrics.json', 'runs/7/info.json'],
  hydra: ['outputs/2024-01-01/12-00-00/.hydra/config.yaml', 'outputs/2024-01-01/12-00-00/.hydra/hydra.yaml',
    'multirun/2024-01-01/12-00-00/3/.hydra/overrides.yaml', 'multirun/2024-01-01/12-00-00/multirun.yaml',
    'outputs/2024-01-01/12-00-00/train.log'],
  dvc: ['dvc.yaml', 'dvc.lock', 'params.yaml', 'dvclive/metrics.json', 'dvclive/params.yaml', 'dvclive/plots/metrics/train/loss.tsv'],
  guild: ['.guild/runs/0123456789abcdef0123456789abcdef/.guild/attrs/flags',
    'guild-home/runs/0123456789abcdef0123456789abcdef/.guild/attrs/exit_status',
    'guild-home/runs/0123456789abcdef0123456789abcdef/.guild/events.out.tfevents.1700000000.host.1.0'],
  logs: ['logs/training.csv', 'logs/metrics.tsv', 'logs/history.jsonl', 'logs/history.ndjson', 'train.log'],
  annotations: ['.ide-tracker/runs/0123456789abcdef.json', 'projects/vision/.ide-tracker/runs/fedcba9876543210.json',
    '.ide-tracker', '.ide-tracker/runs'],
};

describe('the file watcher glob', () => {
  for (const [format, paths] of Object.entries(runFiles)) {
    test(`covers what ${format} writes`, () => {
      assert.deepEqual(paths.filter((path) => !matchesGlob(path, runFilesGlob)), []);
    });
  }

  test('leaves out files no reader looks at', () => {
    const others = ['src/train.py', 'README.md', 'mlruns/0/0123abcd/artifacts/model.pkl', 'checkpoints/epoch=3.ckpt', 'data/images/cat.png',
      // The annotation writer's temp file, renamed over the real one a moment later.
      '.ide-tracker/runs/.0123456789abcdef.json.5f2c0d9e.tmp'];
    assert.deepEqual(others.filter((path) => matchesGlob(path, runFilesGlob)), []);
  });
});

// A file each format always writes, at a typical depth: opening a workspace holding it must activate the extension.
const markers: Record<string, string> = {
  mlflow: 'mlruns/0/meta.yaml',
  'mlflow database': 'tracking/mlflow.db',
  lightning: 'lightning_logs/version_0/hparams.yaml',
  tensorboard: 'logs/fit/20240101-120000/train/events.out.tfevents.1700000000.host.1.0.v2',
  wandb: 'project/wandb/offline-run-20240101_120000-abc123/files/config.yaml',
  sacred: 'experiments/runs/1/run.json',
  hydra: 'outputs/2024-01-01/12-00-00/.hydra/hydra.yaml',
  'hydra sweep': 'multirun/2024-01-01/12-00-00/multirun.yaml',
  dvc: 'dvc.yaml',
  dvclive: 'notebooks/dvclive/metrics.json',
  guild: '.guild/runs/0123456789abcdef0123456789abcdef/.guild/attrs/op',
};

describe('the activation events', () => {
  const manifest = readExtensionManifest();
  const patterns = manifest.activationEvents.filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));

  for (const [format, marker] of Object.entries(markers)) {
    test(`activate on a workspace holding ${format} runs`, () => {
      assert.ok(patterns.some((pattern) => matchesGlob(marker, pattern)), `${marker} matches none of ${patterns.join(', ')}`);
    });
  }

  test('do not activate on an ordinary project', () => {
    const ordinary = ['src/train.py', 'README.md', 'data/train.csv', 'config/config.yaml', 'package.json', 'logs/app.log'];
    assert.deepEqual(ordinary.filter((path) => patterns.some((pattern) => matchesGlob(path, pattern))), []);
  });
});
