import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTags, tagProblem } from '../annotationText';
import { errorDetail, filterDescription, FilterHistory, filterHistoryKey, type StateStore } from '../filterHistory';

class MapState implements StateStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

describe('the filter history', () => {
  test('keeps filters newest first, each once, trimmed, at most max', async () => {
    const state = new MapState();
    const history = new FilterHistory(state, 3);
    await history.add('lr < 0.01');
    await history.add('  status:failed ');
    await history.add('lr < 0.01');
    await history.add('');
    assert.deepEqual(history.entries, ['lr < 0.01', 'status:failed']);
    await history.add('a');
    await history.add('b');
    assert.deepEqual(history.entries, ['b', 'a', 'lr < 0.01']);
    await history.remove('a');
    assert.deepEqual(history.entries, ['b', 'lr < 0.01']);
  });

  test('ignores whatever else a damaged workspace state holds under its key', () => {
    const state = new MapState();
    state.values.set(filterHistoryKey, ['ok', 3, null, '', { x: 1 }]);
    assert.deepEqual(new FilterHistory(state).entries, ['ok']);
    state.values.set(filterHistoryKey, 'not a list');
    assert.deepEqual(new FilterHistory(state).entries, []);
  });
});

describe('what the view says about its filter', () => {
  test('the filter and how many runs it matches, long filters cut', () => {
    assert.equal(filterDescription('lr <  0.01', 12), 'lr < 0.01 · 12 runs');
    assert.equal(filterDescription('starred', 1), 'starred · 1 run');
    assert.equal(filterDescription('x', 12_345), 'x · 12,345 runs');
    const long = filterDescription('a'.repeat(100), undefined);
    assert.equal(Array.from(long).length, 40);
    assert.ok(long.endsWith('…'));
  });

  test('an error detail marks the character where parsing failed', () => {
    assert.equal(errorDetail('lr < ', 5, 'column 6: expected a value'), 'column 6: expected a value — …lr < ⟦ ⟧');
    assert.equal(errorDetail('lr ! 3', 3, 'm'), 'm — …lr ⟦!⟧ 3');
    assert.equal(errorDetail('x', 99, 'm'), 'm — …x⟦ ⟧');
    const long = `column 40: expected a value after '<', found the end of the filter`;
    assert.equal(errorDetail('optimizer = adam and (lr < 0.01 or lr <', 40, long), long, 'no excerpt when the line has no room');
  });
});

describe('tags typed by a user', () => {
  test('split on commas and spaces, without #, sorted, once each', () => {
    assert.deepEqual(parseTags('baseline, lr-sweep  #fast,,baseline'), ['baseline', 'fast', 'lr-sweep']);
    assert.deepEqual(parseTags('   '), []);
  });

  test('a tag longer than 64 characters is refused with a reason', () => {
    assert.equal(tagProblem('ok fine'), undefined);
    assert.match(tagProblem(`ok ${'x'.repeat(65)}`)!, /longer than 64 characters/);
  });
});
