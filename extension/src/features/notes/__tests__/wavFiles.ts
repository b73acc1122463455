// Reading back what a (fake) recorder wrote, and waiting for it without fixed sleeps.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const fakeRecorderScript = join(process.cwd(), 'src', 'features', 'notes', '__tests__', 'fakeRecorder.mjs');

export interface WavHeader {
  readonly riffSize: number;
  readonly dataSize: number;
  readonly fileSize: number;
  readonly sampleRate: number;
  readonly channels: number;
}

export function readWavHeader(path: string): WavHeader {
  const bytes = readFileSync(path);
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${path} is not a WAV file`);
  return {
    riffSize: bytes.readUInt32LE(4),
    dataSize: bytes.readUInt32LE(40),
    fileSize: bytes.length,
    channels: bytes.readUInt16LE(22),
    sampleRate: bytes.readUInt32LE(24),
  };
}

export function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Polls `condition` every 20 ms; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
