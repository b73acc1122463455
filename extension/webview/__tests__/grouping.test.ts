import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aggregate, groupChoices, groupName, groupOf } from '../grouping';
import { smooth } from '../smoothing';
import { generated, goldenCompare } from './fixtures';

describe('grouping runs', () => {
  test('mean, min and max at each step over runs that share their steps', () => {
    const g = aggregate([{ x: [0, 1, 2], y: [1, 2, 3] }, { x: [0, 1, 2], y: [3, 4, 8] }, { x: [0, 1, 2], y: [2, 0, 4] }]);
    assert.deepEqual(g.x, [0, 1, 2]);
    assert.deepEqual(g.mean, [2, 2, 5]);
    assert.deepEqual(g.min, [1, 0, 3]);
    assert.deepEqual(g.max, [3, 4, 8]);
    assert.deepEqual(g.count, [3, 3, 3]);
  });

  test('steps one run lacks are interpolated, and a run that stopped early leaves the later steps to the others', () => {
    const g = aggregate([{ x: [0, 10], y: [0, 10] }, { x: [0, 5], y: [2, 4] }]);
    assert.deepEqual(g.x, [0, 5, 10]);
    assert.deepEqual(g.mean, [1, 4.5, 10]);
    assert.deepEqual(g.min, [0, 4, 10]);
    assert.deepEqual(g.max, [2, 5, 10]);
    assert.deepEqual(g.count, [2, 2, 1]);
  });

  test('NaN points do not count', () => {
    const g = aggregate([{ x: [0, 1], y: [Number.NaN, 1] }, { x: [0, 1], y: [4, 3] }]);
    assert.deepEqual(g.mean, [4, 2]);
    assert.deepEqual(g.count, [1, 2]);
  });

  test('runs fall in groups by a param value or a tag value', () => {
    const result = generated({ runs: 4, params: 2 });
    assert.deepEqual([0, 1, 2, 3].map((i) => groupOf(result, i, 'param:p1')), ['1', '1.1', '1.2', '1']);
    assert.deepEqual([0, 1, 2, 3].map((i) => groupOf(result, i, 'tag:seed')), ['2', '1', '2', '1']);
    assert.equal(groupOf(result, 0, 'param:nope'), '(none)');
    assert.deepEqual(groupChoices(result).map((c) => c.value), ['param:p0', 'param:p1', 'tag:seed']);
    assert.deepEqual(groupChoices(goldenCompare).map((c) => c.value), ['param:lr', 'tag:', 'tag:mlflow.user']);
    assert.equal(groupOf(goldenCompare, 0, 'tag:'), 'baseline');
    assert.deepEqual([groupName('param:lr', '0.1'), groupName('tag:seed', '1'), groupName('tag:', 'baseline'), groupName('param:lr', '(none)')],
      ['lr=0.1', 'seed=1', 'baseline', '(none)']);
  });
});

describe('smoothing', () => {
  test('weight 0 leaves the values as they are', () => {
    assert.deepEqual(smooth([1, 5, 2], 0), [1, 5, 2]);
  });

  test('is debiased: the first point keeps its value, and a constant series stays constant', () => {
    assert.equal(smooth([4, 0], 0.9)[0], 4);
    for (const v of smooth([3, 3, 3, 3], 0.6)) assert.ok(Math.abs(v - 3) < 1e-12);
  });

  test('matches the debiased moving average worked by hand', () => {
    // w = 0.5: ema 0.5, 1.25, 2.125; debias 0.5, 0.75, 0.875.
    const out = smooth([1, 2, 3], 0.5);
    assert.deepEqual(out.map((v) => Number(v.toFixed(10))), [1, 1.25 / 0.75, 2.125 / 0.875].map((v) => Number(v.toFixed(10))));
  });

  test('NaN passes through without moving the average', () => {
    const out = smooth([1, Number.NaN, 1], 0.5);
    assert.ok(Number.isNaN(out[1]));
    assert.equal(out[2], 1);
  });
});
