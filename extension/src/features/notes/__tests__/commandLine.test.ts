import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCommandLine, withOutput } from '../commandLine';

function words(text: string): string[] {
  const parsed = parseCommandLine(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
  return parsed.words;
}

describe('the recorderCommand setting as a command line', () => {
  test('splits on runs of white space', () => {
    assert.deepEqual(words('  arecord  -q\t-f S16_LE {output} '), ['arecord', '-q', '-f', 'S16_LE', '{output}']);
  });

  test('keeps quoted words whole, single quotes literally, double quotes with \\" and \\\\ escapes', () => {
    assert.deepEqual(words(`"/opt/my tools/rec" 'it''s' "say \\"hi\\" \\\\ \\n" {output}`),
      ['/opt/my tools/rec', 'its', 'say "hi" \\ \\n', '{output}']);
    assert.deepEqual(words(`sox -d "" x`), ['sox', '-d', '', 'x']);
  });

  test('a backslash outside quotes escapes the next character', () => {
    assert.deepEqual(words('my\\ recorder --out=a\\"b'), ['my recorder', '--out=a"b']);
  });

  test('no shell syntax is interpreted: pipes, variables and globs are plain words', () => {
    assert.deepEqual(words('rec $HOME/*.wav | tee; rm -rf ~'), ['rec', '$HOME/*.wav', '|', 'tee;', 'rm', '-rf', '~']);
  });

  test('an unclosed quote or an empty setting is an error that says where', () => {
    assert.deepEqual(parseCommandLine('rec "unfinished {output}'), { ok: false, error: 'the double quote at column 5 is never closed' });
    assert.deepEqual(parseCommandLine("rec x 'a"), { ok: false, error: 'the single quote at column 7 is never closed' });
    assert.deepEqual(parseCommandLine('   '), { ok: false, error: 'it is empty' });
  });
});

describe('the {output} placeholder', () => {
  const hostile = `/home/a b/it's "quoted"/$(rm -rf ~)/note.wav`;

  test('is replaced inside every argument by the path as it is, one argument, never re-split', () => {
    assert.deepEqual(withOutput(['-q', '{output}', '--file={output}'], hostile), ['-q', hostile, `--file=${hostile}`]);
  });

  test('a command without it gets the path as its last argument', () => {
    assert.deepEqual(withOutput(['-q', '-d'], hostile), ['-q', '-d', hostile]);
  });
});
