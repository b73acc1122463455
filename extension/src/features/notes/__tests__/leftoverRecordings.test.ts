import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { leftoverMessage, leftoverRecordings } from '../leftoverRecordings';

const folder = mkdtempSync(join(tmpdir(), 'recordings '));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('recordings left from an earlier session', () => {
  test('are the WAV files with audio in them, oldest first, except the one being recorded', () => {
    writeFileSync(join(folder, '20261202-010000.wav'), Buffer.alloc(1_000));
    writeFileSync(join(folder, '20261201-230000.WAV'), Buffer.alloc(1_000));
    writeFileSync(join(folder, '20261202-020000.wav'), Buffer.alloc(44));
    writeFileSync(join(folder, 'notes.txt'), 'x'.repeat(100));
    mkdirSync(join(folder, 'odd.wav'));
    writeFileSync(join(folder, '20261202-030000.wav'), Buffer.alloc(1_000));
    assert.deepEqual(leftoverRecordings(folder, join(folder, '20261202-030000.wav')), [
      join(folder, '20261201-230000.WAV'), join(folder, '20261202-010000.wav'),
    ]);
    assert.deepEqual(leftoverRecordings(join(folder, 'missing')), []);
  });

  test('are offered in a sentence that counts them', () => {
    assert.match(leftoverMessage(1), /^A voice recording from an earlier session was never made into a note\./);
    assert.match(leftoverMessage(3), /^3 voice recordings from earlier sessions were never made into notes\./);
  });
});
