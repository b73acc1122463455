import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, describe, test } from 'node:test';
import { findOnPath } from '../findOnPath';
import { pulseAvailable } from '../pulseAudio';

const root = mkdtempSync(join(tmpdir(), 'path lookup '));
after(() => rmSync(root, { recursive: true, force: true }));

function program(folder: string, name: string, mode: number): string {
  mkdirSync(join(root, folder), { recursive: true });
  const path = join(root, folder, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

describe('finding a recorder on PATH', () => {
  test('takes the first folder holding an executable file of that name, skipping ones that are not executable or not files', () => {
    program('a', 'arecord', 0o644);
    mkdirSync(join(root, 'b', 'arecord'), { recursive: true });
    const wanted = program('c with space', 'arecord', 0o755);
    program('d', 'arecord', 0o755);
    const PATH = ['', join(root, 'a'), join(root, 'b'), join(root, 'c with space'), join(root, 'd')].join(delimiter);
    assert.equal(findOnPath('arecord', { PATH }, 'linux'), wanted);
    assert.equal(findOnPath('sox', { PATH }, 'linux'), undefined);
    assert.equal(findOnPath('arecord', {}, 'linux'), undefined);
  });

  test('on Windows tries the PATHEXT extensions and reads Path', () => {
    const exe = program('win', 'ffmpeg.EXE', 0o644);
    assert.equal(findOnPath('ffmpeg', { Path: join(root, 'win'), PATHEXT: '.COM;.EXE' }, 'win32'), exe);
  });
});

describe('whether PulseAudio answers', () => {
  test('yes with PULSE_SERVER or a pulse socket in the runtime folder, else no', () => {
    assert.equal(pulseAvailable({ PULSE_SERVER: 'unix:/tmp/p' }), true);
    assert.equal(pulseAvailable({ XDG_RUNTIME_DIR: root }), false);
    mkdirSync(join(root, 'pulse'));
    writeFileSync(join(root, 'pulse', 'native'), '');
    assert.equal(pulseAvailable({ XDG_RUNTIME_DIR: root }), true);
    assert.equal(pulseAvailable({}), false);
  });
});
