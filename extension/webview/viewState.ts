import type { ChartKind, ChartViewState, CompareViewState, CurveAxis, MetricStat } from '../src/features/compare/messages';

const chartKinds: readonly ChartKind[] = ['curves', 'scatter', 'parallel', 'bar'];
const axes: readonly CurveAxis[] = ['step', 'wallTime', 'relativeTime'];
const metricStats: readonly MetricStat[] = ['last', 'min', 'max', 'best'];

export function defaultState(runIds: string[] = []): CompareViewState {
  return {
    version: 1,
    runIds,
    onlyDifferences: true,
    environmentOpen: false,
    directions: {},
    stats: ['best', 'last'],
    chart: { kind: 'curves', axis: 'step', smoothing: 0, logY: false, parallelParams: [] },
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter(isString) : undefined);

/** The state `getState()` returned, checked field by field: whatever is missing or malformed (an older
 * build's state, a hand-edited one) falls back to the default, the rest is kept. */
export function restoreState(saved: unknown): CompareViewState {
  const fallback = defaultState();
  if (typeof saved !== 'object' || saved === null) return fallback;
  const s = saved as Record<string, unknown>;
  const c = (typeof s.chart === 'object' && s.chart !== null ? s.chart : {}) as Record<string, unknown>;
  const directions: Record<string, boolean> = {};
  if (typeof s.directions === 'object' && s.directions !== null) {
    for (const [key, value] of Object.entries(s.directions)) if (typeof value === 'boolean') directions[key] = value;
  }
  const stats = strings(s.stats)?.filter((x): x is MetricStat => (metricStats as string[]).includes(x));
  const chart: ChartViewState = {
    kind: chartKinds.includes(c.kind as ChartKind) ? (c.kind as ChartKind) : fallback.chart.kind,
    axis: axes.includes(c.axis as CurveAxis) ? (c.axis as CurveAxis) : fallback.chart.axis,
    smoothing: typeof c.smoothing === 'number' && c.smoothing >= 0 && c.smoothing <= 0.99 ? c.smoothing : 0,
    logY: c.logY === true,
    parallelParams: strings(c.parallelParams) ?? [],
    ...(isString(c.metric) ? { metric: c.metric } : {}),
    ...(isString(c.param) ? { param: c.param } : {}),
    ...(isString(c.groupBy) ? { groupBy: c.groupBy } : {}),
  };
  const metricKeys = strings(s.metricKeys);
  return {
    version: 1,
    runIds: strings(s.runIds) ?? [],
    onlyDifferences: typeof s.onlyDifferences === 'boolean' ? s.onlyDifferences : fallback.onlyDifferences,
    environmentOpen: s.environmentOpen === true,
    directions,
    stats: stats && stats.length > 0 ? stats : fallback.stats,
    ...(metricKeys ? { metricKeys } : {}),
    ...(isString(s.selectedRunId) ? { selectedRunId: s.selectedRunId } : {}),
    chart,
  };
}
