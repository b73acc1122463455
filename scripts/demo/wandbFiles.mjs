// Writes Weights & Biases offline run folders as `wandb offline` leaves them: files/config.yaml,
// files/wandb-summary.json, files/wandb-metadata.json, files/requirements.txt, and run-<id>.wandb, the full
// history in W&B's log format (a 7-byte header, then 32 KiB blocks of records framed like LevelDB's log, each
// with a CRC-32 of its type byte and data, holding Record protobufs).
import { join } from 'node:path';
import { writeFile } from './mlflowFiles.mjs';
import { crc32 } from './crc.mjs';
import { bytes, int, message } from './protobufWire.mjs';

const blockSize = 32 * 1024;
const headerSize = 7;

/** Frames records into blocks: a record that does not fit the rest of a block is split FIRST/MIDDLE/LAST. */
function frame(records) {
  const out = [Buffer.from([0x3a, 0x57, 0x26, 0x42, 0xe1, 0xbe, 0x00])];
  let offset = headerSize;
  for (const data of records) {
    let at = 0;
    let first = true;
    do {
      let left = blockSize - (offset % blockSize);
      if (left < headerSize) {
        out.push(Buffer.alloc(left));
        offset += left;
        left = blockSize;
      }
      const length = Math.min(data.length - at, left - headerSize);
      const last = at + length === data.length;
      const type = first && last ? 1 : first ? 2 : last ? 4 : 3;
      const chunk = data.subarray(at, at + length);
      const header = Buffer.alloc(headerSize);
      header.writeUInt32LE(crc32(Buffer.from([type]), chunk), 0);
      header.writeUInt16LE(length, 4);
      header.writeUInt8(type, 6);
      out.push(header, chunk);
      offset += headerSize + length;
      at += length;
      first = false;
    } while (at < data.length);
  }
  return Buffer.concat(out);
}

const item = (field, key, value) => message(field, bytes(1, key), bytes(16, JSON.stringify(value)));

const timestamp = (field, ms) => message(field, int(1, Math.floor(ms / 1000)), int(2, (ms % 1000) * 1_000_000));

/**
 * `wandb/offline-run-<date>_<time>-<id>/`. `history` is a list of rows (objects with `_step`, `_timestamp` in
 * seconds and the logged values); `exitCode` null leaves the run without an exit record, as a killed run does.
 */
export function writeWandbRun(wandbFolder, { id, project, name, start, config, history, exitCode, tags = [] }) {
  const stamp = new Date(start).toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
  const folder = join(wandbFolder, `offline-run-${stamp}-${id}`);
  const files = join(folder, 'files');
  writeFile(join(files, 'config.yaml'), [
    'wandb_version: 1',
    '',
    '_wandb:',
    '  desc: null',
    '  value:',
    '    python_version: 3.11.7',
    '    cli_version: 0.17.4',
    '    framework: torch',
    ...Object.entries(config).flatMap(([k, v]) => [`${k}:`, '  desc: null', `  value: ${v}`]),
    '',
  ].join('\n'));
  const last = history.at(-1) ?? {};
  writeFile(join(files, 'wandb-summary.json'), JSON.stringify({ ...last, _runtime: (last._timestamp ?? start / 1000) - start / 1000 }));
  writeFile(join(files, 'wandb-metadata.json'), JSON.stringify({
    os: 'Linux-6.1.0-x86_64-with-glibc2.36', python: '3.11.7', startedAt: new Date(start).toISOString(),
    program: 'train.py', args: ['--epochs', String(history.length)], host: 'demo-box', username: 'demo',
    git: { remote: 'https://github.com/demo/transformer.git', commit: '5b0d3c9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c' },
    cpu_count: 16, gpu: 'NVIDIA A100-SXM4-40GB', gpu_count: 1, cuda: '12.1',
  }, null, 2));
  writeFile(join(files, 'requirements.txt'), 'numpy==1.26.4\ntorch==2.3.1\nwandb==0.17.4\n');

  let num = 0;
  const record = (...fields) => Buffer.concat([int(1, ++num), ...fields]);
  const records = [
    record(message(21)),
    record(message(17, bytes(1, id), bytes(2, 'demo'), bytes(3, project), bytes(8, name), ...tags.map((t) => bytes(10, t)),
      bytes(13, 'demo-box'), timestamp(17, start))),
    record(message(5, ...Object.entries(config).map(([k, v]) => item(1, k, v)))),
    ...history.map((row) => record(message(2, ...Object.entries(row).map(([k, v]) => item(1, k, v)), message(2, int(1, row._step))))),
  ];
  if (exitCode !== null) {
    records.push(record(message(3, ...Object.entries(last).map(([k, v]) => item(1, k, v)))));
    records.push(record(message(18, int(1, exitCode), int(2, Math.round((last._timestamp ?? start / 1000) - start / 1000)))));
    records.push(record(message(20)), record(message(22)));
  }
  writeFile(join(folder, `run-${id}.wandb`), frame(records));
  return folder;
}
