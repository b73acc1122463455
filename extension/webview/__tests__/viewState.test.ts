import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultState, restoreState } from '../viewState';

describe('the saved view state', () => {
  test('starts with only differences on, best and last shown, the curves chart', () => {
    const state = defaultState(['a']);
    assert.equal(state.onlyDifferences, true);
    assert.deepEqual(state.stats, ['best', 'last']);
    assert.equal(state.chart.kind, 'curves');
    assert.deepEqual(state.runIds, ['a']);
  });

  test('a state saved and read back is the same', () => {
    const saved = {
      ...defaultState(['a', 'b']), onlyDifferences: false, environmentOpen: true, directions: { loss: true }, stats: ['min' as const],
      metricKeys: ['loss'], selectedRunId: 'b',
      chart: { kind: 'parallel' as const, metric: 'loss', axis: 'relativeTime' as const, smoothing: 0.6, logY: true, param: 'lr', parallelParams: ['lr', 'bs'], groupBy: 'param:seed' },
    };
    assert.deepEqual(restoreState(JSON.parse(JSON.stringify(saved))), saved);
  });

  test('nothing, garbage or fields of the wrong type fall back to the defaults, field by field', () => {
    assert.deepEqual(restoreState(undefined), defaultState());
    assert.deepEqual(restoreState('x'), defaultState());
    const state = restoreState({
      runIds: ['a', 3], onlyDifferences: 'yes', directions: { loss: 'up', acc: false }, stats: ['median'],
      chart: { kind: 'pie', smoothing: 7, axis: 'wallTime', parallelParams: 'lr' },
    });
    assert.deepEqual(state.runIds, ['a']);
    assert.equal(state.onlyDifferences, true);
    assert.deepEqual(state.directions, { acc: false });
    assert.deepEqual(state.stats, ['best', 'last']);
    assert.equal(state.chart.kind, 'curves');
    assert.equal(state.chart.smoothing, 0);
    assert.equal(state.chart.axis, 'wallTime');
    assert.deepEqual(state.chart.parallelParams, []);
  });
});
