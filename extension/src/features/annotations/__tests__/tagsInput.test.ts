import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatTags, parseTags } from '../tagsInput';

describe('tags typed in an input box', () => {
  test('are separated by whitespace, without their hash, each once', () => {
    assert.deepEqual(parseTags('  #baseline sweep   baseline ##x '), ['baseline', 'sweep', 'x']);
  });

  test('are separated by commas when there are any, so a tag may hold spaces', () => {
    assert.deepEqual(parseTags('seed sweep, #baseline,, '), ['seed sweep', 'baseline']);
  });

  test('that are empty remove every tag', () => {
    assert.deepEqual(parseTags('   '), []);
    assert.deepEqual(parseTags(''), []);
  });

  test('read back the same from the text they start as', () => {
    for (const tags of [['a', 'b'], ['seed sweep', 'b'], []]) {
      assert.deepEqual(parseTags(formatTags(tags)), tags);
    }
  });
});
