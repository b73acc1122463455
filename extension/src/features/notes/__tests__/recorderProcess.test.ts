import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { endedInError, lastLines, RecorderProcess } from '../recorderProcess';
import type { RecorderCommand } from '../recorders';
import { fakeRecorderScript, readWavHeader, sizeOf, waitFor } from './wavFiles';

// Spaces, both quotes and a non-ASCII letter: the path travels as one argument, never through a shell.
const folder = mkdtempSync(join(tmpdir(), `rec "quoted" it's é `));
after(() => rmSync(folder, { recursive: true, force: true }));

function fake(output: string, ...options: string[]): RecorderCommand {
  return { program: process.execPath, args: [fakeRecorderScript, output, ...options], stop: 'interrupt', origin: 'test' };
}

describe('a recorder process', () => {
  test('records until asked to stop with SIGINT, which leaves a finished WAV at a path with quotes and spaces', async () => {
    const output = join(folder, `note "one" 'a'.wav`);
    const recorder = RecorderProcess.start(fake(output));
    await waitFor(() => sizeOf(output) > 44 + 3_200 * 2, 'two chunks of audio');
    const result = await recorder.stop();
    assert.equal(result.endedBy, 'user');
    assert.equal(result.exitCode, 0);
    assert.equal(result.forced, false);
    assert.equal(endedInError(result), false);
    const wav = readWavHeader(output);
    assert.equal(wav.sampleRate, 16000);
    assert.equal(wav.channels, 1);
    assert.ok(wav.dataSize >= 6_400, `data chunk of ${wav.dataSize} bytes`);
    assert.equal(wav.dataSize, wav.fileSize - 44, 'the header holds the final data size');
    assert.equal(wav.riffSize, wav.fileSize - 8);
  });

  test('tells ffmpeg-like recorders to quit with q on stdin instead of a signal', async () => {
    const output = join(folder, 'quit-key.wav');
    const recorder = RecorderProcess.start({ ...fake(output, '--quit-key', '--ignore-sigint'), stop: 'quitKey' }, { graceMs: 5_000 });
    await waitFor(() => sizeOf(output) > 44, 'some audio');
    const result = await recorder.stop();
    assert.equal(result.exitCode, 0);
    assert.equal(result.forced, false);
    assert.equal(readWavHeader(output).dataSize, sizeOf(output) - 44);
  });

  test('kills a recorder that ignores the request to stop once the grace period is over', async () => {
    const output = join(folder, 'stubborn.wav');
    const recorder = RecorderProcess.start(fake(output, '--ignore-sigint'), { graceMs: 200 });
    await waitFor(() => sizeOf(output) > 44, 'some audio');
    const result = await recorder.stop();
    assert.equal(result.forced, true);
    assert.equal(result.signal, 'SIGKILL');
    assert.ok(sizeOf(output) > 44, 'what it wrote is still on disk');
  });

  test('a recorder that fails by itself is an error carrying the last lines of its stderr', async () => {
    const output = join(folder, 'no-card.wav');
    const recorder = RecorderProcess.start(fake(output, '--fail-at-start'));
    const result = await recorder.ended;
    assert.equal(result.endedBy, 'itself');
    assert.equal(result.exitCode, 1);
    assert.ok(endedInError(result));
    assert.match(result.stderrTail, /audio open error: No such file or directory/);
    assert.equal(sizeOf(output), 0);
  });

  test('a recorder that fails after recording a while leaves its audio behind', async () => {
    const output = join(folder, 'fails-late.wav');
    const result = await RecorderProcess.start(fake(output, '--fail-after-ms', '350')).ended;
    assert.ok(endedInError(result));
    assert.ok(readWavHeader(output).dataSize > 0);
    assert.match(result.stderrTail, /cannot find card/);
  });

  test('a program that is not there is reported, not thrown', async () => {
    const result = await RecorderProcess.start({ program: join(folder, 'no-such-recorder'), args: [], stop: 'interrupt', origin: 'test' }).ended;
    assert.match(result.spawnError ?? '', /ENOENT/);
    assert.ok(endedInError(result));
  });
});

describe('the last lines of stderr', () => {
  test('keeps the last non-empty lines only', () => {
    assert.equal(lastLines('a\n\nb\r\nc\nd\ne\nf\n\n', 3), 'd\ne\nf');
    assert.equal(lastLines(''), '');
  });
});
