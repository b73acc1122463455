import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configDocumentSelector, configLanguages, languagesOfGlob } from '../configDocumentSelector';

const folder = 'file:///home/me/ml%20project';

describe('the languages a config glob admits', () => {
  test('follow the extension its last segment names', () => {
    assert.deepEqual(languagesOfGlob('**/train*.py'), ['python']);
    assert.deepEqual(languagesOfGlob('**/conf/**/*.{yaml,yml}'), ['yaml']);
    assert.deepEqual(languagesOfGlob('**/*config*.{yaml,yml,json,toml,py}'), ['yaml', 'json', 'jsonc', 'toml', 'plaintext', 'python']);
    assert.deepEqual(languagesOfGlob('settings/params.JSON'), ['json', 'jsonc']);
  });

  test('take plain text for a .toml glob, since VS Code opens .toml files as plain text without a TOML extension', () => {
    assert.deepEqual(languagesOfGlob('pyproject.toml'), ['toml', 'plaintext']);
  });

  test('are every config language, and never plain text, when the glob leaves the extension open', () => {
    assert.deepEqual(languagesOfGlob('**/conf/**'), configLanguages);
    assert.deepEqual(languagesOfGlob('experiments/*'), configLanguages);
    assert.ok(!languagesOfGlob('**/conf/**').includes('plaintext'));
  });

  test('are none for a glob naming only extensions no config reader takes', () => {
    assert.deepEqual(languagesOfGlob('**/*.cfg'), []);
    assert.deepEqual(languagesOfGlob('**/*.{ini,gin}'), []);
  });
});

describe('the config document selector', () => {
  test('pairs each glob with its languages, on disk, relative to the workspace folder', () => {
    assert.deepEqual(configDocumentSelector(folder, ['**/params.yaml', '**/train*.py']), [
      { scheme: 'file', language: 'yaml', pattern: { baseUri: folder, pattern: '**/params.yaml' } },
      { scheme: 'file', language: 'python', pattern: { baseUri: folder, pattern: '**/train*.py' } },
    ]);
  });

  test('never admits untitled documents, which belong to no folder', () => {
    const selector = configDocumentSelector(folder, ['**/conf/**', '**/*.json']);
    assert.ok(selector.length > 0);
    assert.ok(selector.every((filter) => filter.scheme === 'file' && filter.pattern.baseUri === folder));
  });

  test('is empty when no glob takes anything in, so no document is sent to the server', () => {
    assert.deepEqual(configDocumentSelector(folder, []), []);
    assert.deepEqual(configDocumentSelector(folder, ['**/*.cfg']), []);
  });
});
