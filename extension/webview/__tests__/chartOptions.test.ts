import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MetricSeries } from '../../src/protocol';
import { axisTooltip, barOption, curvesOption, parallelOption, scatterOption } from '../chartOptions';
import type { ChartTheme } from '../theme';
import { generated, goldenCompare, goldenSeries } from './fixtures';

const theme: ChartTheme = {
  foreground: '#fff', muted: '#aaa', grid: '#333', background: '#000', tooltipBackground: '#111', fontFamily: 'sans', palette: ['#f00', '#0f0'],
};

type Series = { type: string; name?: string; id?: string; stack?: string; data: Array<{ value: unknown[] | unknown; tip?: string; runId?: string; itemStyle?: { borderWidth?: number } } | unknown[]> };
const seriesOf = (option: Record<string, unknown>) => option.series as Series[];
const values = (s: Series) => s.data.map((d) => (Array.isArray(d) ? d : d.value));

function series(runId: string, steps: number[], values: number[], wallStart = 1_000_000): MetricSeries {
  return { runId, key: 'm0', steps, wallTimes: steps.map((s) => wallStart + s * 2000), values, total: steps.length };
}

describe('the curves chart', () => {
  const result = generated({ runs: 4 });
  const base = { result, runIndexes: [0, 1, 2, 3], metric: 'm0', axis: 'step' as const, smoothing: 0, logY: false, theme };

  test('one line per run against the step, its tooltip naming the run', () => {
    const option = curvesOption({ ...base, series: [series('r0', [0, 1], [2, 1]), series('r1', [0, 1], [3, 2])] });
    const lines = seriesOf(option);
    assert.deepEqual(lines.map((l) => l.id), ['r0', 'r1'], 'runs without a series are left out');
    assert.deepEqual(values(lines[0]!), [[0, 2], [1, 1]]);
    const formatter = (option.tooltip as { trigger: string; formatter: typeof axisTooltip });
    assert.equal(formatter.trigger, 'axis');
    assert.equal(formatter.formatter([{ data: lines[0]!.data[1] as object }, { data: lines[1]!.data[1] as object }]), 'step 1<br><b>run-0</b> m0 1<br><b>run-1</b> m0 2');
  });

  test('relative time counts seconds from the run\'s first point; wall time uses a time axis', () => {
    const relative = curvesOption({ ...base, axis: 'relativeTime', series: [series('r0', [0, 5], [1, 1])] });
    assert.deepEqual(values(seriesOf(relative)[0]!), [[0, 1], [10, 1]]);
    const wall = curvesOption({ ...base, axis: 'wallTime', series: [series('r0', [0, 5], [1, 1])] });
    assert.equal((wall.xAxis as { type: string }).type, 'time');
    assert.deepEqual(values(seriesOf(wall)[0]!), [[1_000_000, 1], [1_010_000, 1]]);
  });

  test('a log scale leaves out values at or below zero, and NaN from the wire is a gap', () => {
    const option = curvesOption({ ...base, logY: true, series: [{ ...series('r0', [0, 1, 2, 3], [0, 0]), values: [0, -1, 'NaN', 5] }] });
    assert.equal((option.yAxis as { type: string }).type, 'log');
    assert.deepEqual(values(seriesOf(option)[0]!), [[0, null], [1, null], [2, null], [3, 5]]);
  });

  test('smoothing applies to each run', () => {
    const option = curvesOption({ ...base, smoothing: 0.5, series: [series('r0', [0, 1], [1, 2])] });
    assert.deepEqual(values(seriesOf(option)[0]!), [[0, 1], [1, 1.25 / 0.75]]);
  });

  test('grouped by a tag, each group is a mean line with a min–max band stacked under it', () => {
    const option = curvesOption({
      ...base, groupBy: 'tag:seed',
      series: [series('r0', [0, 1], [1, 3]), series('r1', [0, 1], [5, 5]), series('r2', [0, 1], [3, 1]), series('r3', [0, 1], [7, 7])],
    });
    const lines = seriesOf(option);
    assert.deepEqual(lines.map((l) => `${l.name}${l.stack ? ` ${l.stack}` : ''}`), [
      'seed=2 (2 runs)', 'seed=2 (2 runs) band-1', 'seed=2 (2 runs) band-1', 'seed=1 (2 runs)', 'seed=1 (2 runs) band-2', 'seed=1 (2 runs) band-2',
    ]);
    assert.deepEqual(values(lines[0]!), [[0, 2], [1, 2]], 'mean of r0 and r2');
    assert.deepEqual(values(lines[1]!), [[0, 1], [1, 1]], 'the band starts at the min');
    assert.deepEqual(values(lines[2]!), [[0, 2], [1, 2]], 'and is max − min high');
    assert.deepEqual(values(lines[3]!), [[0, 6], [1, 6]]);
  });

  test('a run name full of markup is escaped in the tooltip', () => {
    const option = curvesOption({ ...base, result: goldenCompare, runIndexes: [0], metric: 'loss', series: goldenSeries });
    const first = seriesOf(option)[0]!.data[0] as unknown as { line: string };
    assert.equal(axisTooltip({ data: first }), 'step 0<br><b>&lt;img src=x onerror=alert(1)&gt;</b> loss 2.5');
  });
});

describe('the run charts', () => {
  const result = generated({ runs: 3, params: 3 });
  const base = { result, runIndexes: [0, 1, 2], metric: 'm0', directions: {}, theme };

  test('scatter: a numeric param on a value axis against each run\'s best value', () => {
    const option = scatterOption({ ...base, param: 'p1' });
    assert.equal((option.xAxis as { type: string }).type, 'value');
    const data = seriesOf(option)[0]!.data as Array<{ value: unknown[]; runId: string }>;
    assert.deepEqual(data.map((d) => d.runId), ['r0', 'r1', 'r2']);
    assert.deepEqual(data.map((d) => d.value[0]), [1, 1.1, 1.2]);
    assert.deepEqual(data.map((d) => Number((d.value[1] as number).toFixed(6))), [0.9, 0.733333, 0.566667]);
  });

  test('scatter: a text param on a category axis', () => {
    const option = scatterOption({ ...base, param: 'p0' });
    assert.deepEqual((option.xAxis as { type: string; data: string[] }).data, ['same']);
  });

  test('parallel coordinates: one axis per chosen param and one for the metric', () => {
    const option = parallelOption({ ...base, params: ['p1', 'p0', 'missing'] });
    assert.deepEqual((option.parallelAxis as Array<{ name: string; type: string }>).map((a) => `${a.name}:${a.type}`), ['p1:value', 'p0:category', 'm0:value']);
    const data = seriesOf(option)[0]!.data as Array<{ value: unknown[] }>;
    assert.deepEqual(data[1]!.value.slice(0, 2), [1.1, 'same']);
  });

  test('bar: each run\'s best value, the best run outlined, the direction named', () => {
    const option = barOption(base);
    const data = seriesOf(option)[0]!.data as Array<{ value: number; itemStyle: { borderWidth?: number } }>;
    assert.equal(data.length, 3);
    assert.deepEqual(data.map((d) => d.itemStyle.borderWidth ?? 0), [0, 0, 2], 'a loss: the last run is lowest');
    assert.match((option.yAxis as { name: string }).name, /lower is better/);
    const flipped = seriesOf(barOption({ ...base, directions: { m0: true } }))[0]!.data as Array<{ itemStyle: { borderWidth?: number } }>;
    assert.deepEqual(flipped.map((d) => d.itemStyle.borderWidth ?? 0), [2, 0, 0]);
  });

  test('the tooltip formatter returns the escaped tip and never raw series names', () => {
    const option = barOption({ ...base, result: goldenCompare, runIndexes: [0], metric: 'val_loss' });
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const data = seriesOf(option)[0]!.data[0] as { tip: string };
    assert.equal(formatter({ data }), data.tip);
    assert.ok(!data.tip.includes('<img'));
    assert.equal(formatter({ seriesName: '<img src=x>' }), '&lt;img src=x&gt;');
  });
});
