// Which files the extension reports to the server when they change: those whose change can change a run, in every
// format the server reads (../shared/FORMATS.md), and the annotation files under .ide-tracker/runs/. The server maps each path to the run it belongs to, and the files'
// stamps decide whether anything really changed, so a pattern a little too wide costs a cheap check, no more.

/** Names, or paths below a run folder, one group per format. */
export const runFilePatterns: readonly string[] = [
  // MLflow: the file store's run folders and the SQLite store.
  'meta.yaml', 'metrics/**', 'params/**', 'tags/**', 'mlflow.db', 'mlflow.db-wal',
  // PyTorch Lightning CSVLogger.
  'hparams.yaml', 'metrics.csv',
  // TensorBoard (Guild's scalars too).
  'events.out.tfevents.*',
  // Weights & Biases: the history log and files/.
  '*.wandb', 'config.yaml', 'wandb-summary.json', 'wandb-metadata.json', 'requirements.txt',
  // Sacred FileStorageObserver.
  'run.json', 'config.json', 'metrics.json', 'info.json',
  // Hydra job and sweep folders.
  '.hydra/*.yaml', 'multirun.yaml',
  // DVC and DVCLive (dvclive/metrics.json is above, its plots are TSV).
  'dvc.yaml', 'dvc.lock', 'params.yaml', '*.tsv',
  // Guild AI.
  '.guild/attrs/*',
  // Keras CSVLogger and plain metric logs.
  '*.csv', '*.jsonl', '*.ndjson', '*.log',
  // The user's own stars, tags and notes (edited by hand or pulled from git): the server mirrors them. The folders
  // too, since a folder deleted or replaced whole (a branch switch) may be reported as the folder alone.
  '.ide-tracker', '.ide-tracker/runs', '.ide-tracker/runs/*.json',
];

/** One glob for one file watcher: any of the patterns at any depth. */
export const runFilesGlob = `**/{${runFilePatterns.join(',')}}`;
