// Keeps the demo's live MLflow run writing, as a training script would: a loss line every second and a
// validation accuracy every fifth step. On SIGTERM/SIGINT it marks the run killed and leaves.
// Usage: node scripts/demo/liveRun.mjs <run folder> [interval ms]
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [folder, intervalArg] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node scripts/demo/liveRun.mjs <mlflow run folder> [interval ms]');
  process.exit(2);
}
const interval = Number(intervalArg ?? 1000);
let step = 0;

function tick() {
  const now = Date.now();
  const loss = 2.3 * Math.exp(-step / 60) + 0.05 + Math.random() * 0.03;
  appendFileSync(join(folder, 'metrics', 'loss'), `${now} ${loss.toFixed(5)} ${step}\n`);
  if (step % 5 === 0) {
    const accuracy = 0.99 - 0.9 * Math.exp(-step / 50) - Math.random() * 0.01;
    appendFileSync(join(folder, 'metrics', 'val_acc'), `${now} ${accuracy.toFixed(5)} ${step}\n`);
  }
  step++;
}

function stop() {
  clearInterval(timer);
  const metaPath = join(folder, 'meta.yaml');
  const meta = readFileSync(metaPath, 'utf8')
    .replace(/^status: .*$/m, 'status: 5')
    .replace(/^end_time: .*$/m, `end_time: ${Date.now()}`);
  writeFileSync(metaPath, meta);
  process.exit(0);
}

const timer = setInterval(tick, interval);
tick();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
