// A stand-in for arecord and friends, for tests on machines without a sound card:
//   node fakeRecorder.mjs <output.wav> [--source <16 kHz mono 16-bit WAV>] [--fail-after-ms <n>] [--fail-at-start] [--ignore-sigint] [--quit-key]
// It writes a WAV header with zero sizes (as a recorder streaming to a file does), appends 100 ms of audio
// every 100 ms (a 440 Hz tone, or the source file's samples, looping), and on SIGINT or SIGTERM writes the
// final sizes into the header and exits 0 (with --quit-key also on a `q` read from stdin, as ffmpeg does). --fail-after-ms and --fail-at-start exit 1 with a sound-card
// error on stderr, the first after writing some audio (with a finished header), the second before any.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

const args = process.argv.slice(2);
const output = args[0];
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
if (!output) {
  process.stderr.write('usage: fakeRecorder.mjs <output.wav> [options]\n');
  process.exit(2);
}

const rate = 16000;
const chunkSamples = rate / 10;

function sourceSamples(path) {
  const bytes = readFileSync(path);
  for (let at = 12; at + 8 <= bytes.length;) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'data') return new Int16Array(bytes.buffer.slice(bytes.byteOffset + at + 8, bytes.byteOffset + at + 8 + (size & ~1)));
    at += 8 + size + (size & 1);
  }
  throw new Error(`${path} has no data chunk`);
}

const source = option('--source') ? sourceSamples(option('--source')) : undefined;
let position = 0;

function nextChunk() {
  const chunk = Buffer.alloc(chunkSamples * 2);
  for (let i = 0; i < chunkSamples; i++, position++) {
    const value = source ? source[position % source.length] : Math.round(8000 * Math.sin((2 * Math.PI * 440 * position) / rate));
    chunk.writeInt16LE(value, i * 2);
  }
  return chunk;
}

function header(dataBytes) {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(dataBytes === 0 ? 0 : 36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

const soundCardError = 'ALSA lib confmisc.c:855:(parse_card) cannot find card \'0\'\narecord: main:850: audio open error: No such file or directory\n';

if (args.includes('--fail-at-start')) {
  process.stderr.write(soundCardError);
  process.exit(1);
}

const fd = openSync(output, 'w');
writeSync(fd, header(0), 0, 44, 0);
let dataBytes = 0;

function finish() {
  writeSync(fd, header(dataBytes), 0, 44, 0);
  closeSync(fd);
}

const timer = setInterval(() => {
  const chunk = nextChunk();
  writeSync(fd, chunk, 0, chunk.length, 44 + dataBytes);
  dataBytes += chunk.length;
}, 100);

const failAfter = option('--fail-after-ms');
if (failAfter) {
  setTimeout(() => {
    clearInterval(timer);
    finish();
    process.stderr.write('recording...\n' + soundCardError);
    process.exit(1);
  }, Number(failAfter));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (args.includes('--ignore-sigint') && signal === 'SIGINT') return;
    clearInterval(timer);
    finish();
    process.exit(0);
  });
}

if (args.includes('--quit-key')) {
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (text) => {
    if (!text.includes('q')) return;
    clearInterval(timer);
    finish();
    process.exit(0);
  });
}
