import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompareMetric, CompareRow } from '../../src/protocol';
import { bestIndex, differingCells, metricRows, visibleRows } from '../compareModel';
import { generated, goldenCompare } from './fixtures';

const cell = (min: number | 'NaN' | 'Infinity', max: number | 'NaN' | 'Infinity') => ({ last: min, min, max, best: max, count: 3, lastStep: 2 });

describe('the params table rows', () => {
  const rows: CompareRow[] = [
    { key: 'lr', values: ['0.1', '0.01', '0.1'], differs: true },
    { key: 'batch', values: ['32', '32', '32'], differs: false },
    { key: 'opt', values: ['adam', null, 'adam'], differs: true },
  ];

  test('"only differences" keeps the rows whose values differ, off shows them all', () => {
    assert.deepEqual(visibleRows(rows, true).map((r) => r.key), ['lr', 'opt']);
    assert.deepEqual(visibleRows(rows, false).map((r) => r.key), ['lr', 'batch', 'opt']);
  });

  test('a value is highlighted when it differs from the one most runs share; a missing value counts as different', () => {
    assert.deepEqual(differingCells(rows[0]!), [false, true, false]);
    assert.deepEqual(differingCells(rows[1]!), [false, false, false]);
    assert.deepEqual(differingCells(rows[2]!), [false, true, false]);
    assert.deepEqual(differingCells({ key: 'x', values: ['a', 'b'], differs: true }), [false, true], 'a tie keeps the first run as the reference');
  });

  test('the golden sample: lr differs because the second run has none', () => {
    assert.deepEqual(visibleRows(goldenCompare.params, true).map((r) => r.key), ['lr']);
  });
});

describe('the best run of a metric', () => {
  const loss: CompareMetric = { key: 'loss', higherIsBetter: false, values: [cell(0.3, 0.9), cell(0.2, 1.5), null, cell('NaN', 'NaN')] };

  test('is the lowest minimum for a loss and the highest maximum when the direction is switched', () => {
    assert.equal(bestIndex(loss, false), 1);
    assert.equal(bestIndex(loss, true), 1);
    assert.equal(bestIndex({ ...loss, values: [cell(0.3, 2), cell(0.2, 1.5)] }, true), 0);
  });

  test('ignores missing and non-finite values, and is undefined when no run has a finite one', () => {
    assert.equal(bestIndex({ ...loss, values: [cell('NaN', 'Infinity'), cell(0.5, 0.5)] }, true), 1);
    assert.equal(bestIndex({ ...loss, values: [null, cell('NaN', 'NaN')] }, false), undefined);
  });

  test('metric rows follow the user\'s direction override, and show each chosen statistic in a fixed order', () => {
    const result = generated({ runs: 4, metrics: 2 });
    const plain = metricRows(result.metrics, ['last', 'best'], {});
    assert.deepEqual(plain.map((r) => `${r.metric.key}:${r.stat}:${r.higher}:${r.best}`), ['m0:best:false:3', 'm0:last:false:3', 'm1:best:true:0', 'm1:last:true:0']);
    const switched = metricRows(result.metrics, ['best'], { m0: true });
    assert.equal(switched[0]!.higher, true);
    assert.equal(switched[0]!.best, 0, 'higher is better now, so the first run is best');
    assert.equal(switched[0]!.values[0], result.metrics[0]!.values[0]!.max, 'best is the maximum in that direction');
  });
});
