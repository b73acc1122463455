// Writes TensorBoard event files as TensorFlow's and PyTorch's writers lay them out: TFRecord framing
// (length, masked CRC-32C of the length, data, masked CRC-32C of the data) around Event protobufs carrying
// scalar summaries (simple_value) and, for a run with hyperparameters, the hparams plugin's session start.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFile } from './mlflowFiles.mjs';
import { crc32c } from './crc.mjs';
import { bytes, double, float, int, message } from './protobufWire.mjs';

function masked(data) {
  const crc = crc32c(data);
  return (((crc >>> 15) | (crc << 17)) + 0xa282ead8) >>> 0;
}

function record(data) {
  const header = Buffer.alloc(12);
  header.writeBigUInt64LE(BigInt(data.length));
  header.writeUInt32LE(masked(header.subarray(0, 8)), 8);
  const footer = Buffer.alloc(4);
  footer.writeUInt32LE(masked(data));
  return Buffer.concat([header, data, footer]);
}

const event = (wallTimeMs, step, ...fields) => record(Buffer.concat([double(1, wallTimeMs / 1000), int(2, step), ...fields]));

const scalar = (tag, value) => message(5, message(1, bytes(1, tag), float(2, value)));

/** google.protobuf.Value: a number, a string or a bool. */
function protoValue(value) {
  if (typeof value === 'number') return double(2, value);
  if (typeof value === 'boolean') return int(4, value ? 1 : 0);
  return bytes(3, String(value));
}

function hparamsEvent(wallTimeMs, hparams) {
  const entries = Object.entries(hparams).map(([k, v]) => message(1, bytes(1, k), message(2, protoValue(v))));
  const sessionStart = message(3, ...entries, double(5, wallTimeMs / 1000));
  const pluginData = message(1, bytes(1, 'hparams'), bytes(2, Buffer.concat([int(1, 0), sessionStart])));
  const value = message(1, bytes(1, '_hparams_/session_start_info'), message(9, pluginData));
  return event(wallTimeMs, 0, message(5, value));
}

/**
 * `<folder>/events.out.tfevents.<secs>.<host>.<pid>.0` holding the file_version event, the hparams (if any) and one
 * scalar event per point. `series` maps a tag to `[timestampMs, value, step]` points. Returns the file's path.
 */
export function writeEventFile(folder, { start, host = 'demo-box', pid = 4242, hparams, series }) {
  const path = join(folder, `events.out.tfevents.${Math.floor(start / 1000)}.${host}.${pid}.0`);
  const parts = [event(start, 0, bytes(3, 'brain.Event:2'))];
  if (hparams) parts.push(hparamsEvent(start, hparams));
  const points = Object.entries(series).flatMap(([tag, list]) => list.map(([time, value, step]) => ({ tag, time, value, step })));
  points.sort((a, b) => a.time - b.time || a.step - b.step);
  for (const p of points) parts.push(event(p.time, p.step, scalar(p.tag, p.value)));
  writeFile(path, Buffer.concat(parts));
  return path;
}

/** Appends one scalar point to an event file, as a writer flushing a new event does. */
export function appendScalar(path, tag, value, step, timeMs = Date.now()) {
  appendFileSync(path, event(timeMs, step, scalar(tag, value)));
}
