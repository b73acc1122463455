// Writes plain metric logs: a Keras CSVLogger file (header "epoch,<sorted keys>", one row per epoch) and a
// JSONL log (one JSON object per line with a step and its values).
import { writeFile } from './mlflowFiles.mjs';

/** `rows`: one object per epoch, keys → values. */
export function writeKerasLog(path, rows) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].sort();
  const lines = ['epoch,' + keys.join(','), ...rows.map((row, epoch) => [epoch, ...keys.map((k) => row[k] ?? '')].join(','))];
  writeFile(path, `${lines.join('\n')}\n`);
  return path;
}

/** `records`: objects with a `step` and the metric values of that step. */
export function writeJsonlLog(path, records) {
  writeFile(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}
