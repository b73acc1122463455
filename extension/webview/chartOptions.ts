// ECharts options for the four chart kinds, built from plain data so they can be tested without a
// canvas. Tooltips are HTML: every run-supplied string in them goes through escapeHtml, and they use
// classes, never style attributes (the CSP allows no inline styles in markup).
import type { CompareResult, MetricSeries } from '../src/protocol';
import type { CurveAxis } from '../src/features/compare/messages';
import { bestIndex, higherIsBetter, statValue } from './compareModel';
import { escapeHtml } from './escapeHtml';
import { formatNumber, numberOf } from './format';
import { aggregate, groupName, groupOf, type Curve } from './grouping';
import { smooth } from './smoothing';
import type { ChartTheme } from './theme';

export type ChartOption = Record<string, unknown>;

interface TooltipParams {
  seriesName?: string;
  /** `tip`: the item's whole tooltip; `at` and `line`: its x and its one line in an axis tooltip. All escaped. */
  data?: { runId?: string; name?: string; tip?: string; at?: string; line?: string };
  value?: unknown;
}

/** The curves' tooltip lists every line's value at the hovered x, as TensorBoard's does. */
export function axisTooltip(params: TooltipParams[] | TooltipParams): string {
  const items = Array.isArray(params) ? params : [params];
  const lines = items.map((p) => p.data?.line).filter((line): line is string => line !== undefined);
  const at = items.find((p) => p.data?.at !== undefined)?.data?.at;
  return [...(at ? [at] : []), ...lines].join('<br>');
}

function base(theme: ChartTheme): ChartOption {
  return {
    animation: false,
    color: [...theme.palette],
    backgroundColor: 'transparent',
    textStyle: { color: theme.foreground, fontFamily: theme.fontFamily },
    tooltip: {
      trigger: 'item',
      confine: true,
      className: 'chart-tooltip',
      backgroundColor: theme.tooltipBackground,
      borderColor: theme.grid,
      textStyle: { color: theme.foreground },
      // Each data item carries its tooltip already escaped.
      formatter: (params: TooltipParams) => params.data?.tip ?? escapeHtml(params.seriesName ?? ''),
    },
  };
}

function axis(theme: ChartTheme, extra: ChartOption): ChartOption {
  return {
    axisLine: { lineStyle: { color: theme.muted } },
    axisLabel: { color: theme.muted },
    splitLine: { lineStyle: { color: theme.grid } },
    nameTextStyle: { color: theme.muted },
    ...extra,
  };
}

export function tip(name: string, ...lines: string[]): string {
  return [`<b>${escapeHtml(name)}</b>`, ...lines.map(escapeHtml)].join('<br>');
}

const axisNames: Record<CurveAxis, string> = { step: 'step', wallTime: 'wall time', relativeTime: 'seconds since start' };

function xValues(series: MetricSeries, axisKind: CurveAxis): number[] {
  if (axisKind === 'step') return series.steps;
  if (axisKind === 'wallTime') return series.wallTimes;
  const start = series.wallTimes[0] ?? 0;
  return series.wallTimes.map((w) => (w - start) / 1000);
}

function xText(x: number, axisKind: CurveAxis): string {
  if (axisKind === 'wallTime') return new Date(x).toISOString().replace('T', ' ').slice(0, 19);
  return `${axisNames[axisKind]} ${formatNumber(x)}`;
}

export interface CurvesInput {
  readonly result: CompareResult;
  /** Indexes into result.runs of the runs drawn. */
  readonly runIndexes: readonly number[];
  readonly metric: string;
  readonly series: readonly MetricSeries[];
  readonly axis: CurveAxis;
  readonly smoothing: number;
  readonly logY: boolean;
  readonly groupBy?: string;
  readonly selectedRunId?: string;
  readonly theme: ChartTheme;
}

/** Log scale cannot show values at or below zero: they become gaps. */
const forScale = (y: number, logY: boolean) => (Number.isFinite(y) && (!logY || y > 0) ? y : null);

export function curvesOption(input: CurvesInput): ChartOption {
  const { result, axis: axisKind, logY, theme } = input;
  const byRun = new Map(input.series.filter((s) => s.key === input.metric).map((s) => [s.runId, s]));
  const curves = input.runIndexes.flatMap((index) => {
    const run = result.runs[index]!;
    const series = byRun.get(run.id);
    if (!series) return [];
    const curve: Curve = { x: xValues(series, axisKind), y: smooth(series.values.map(numberOf), input.smoothing) };
    return [{ index, run, curve }];
  });
  const lines: ChartOption[] = [];
  if (input.groupBy) {
    const groups = new Map<string, Curve[]>();
    for (const { index, curve } of curves) {
      const group = groupOf(result, index, input.groupBy);
      groups.set(group, [...(groups.get(group) ?? []), curve]);
    }
    let g = 0;
    for (const [group, members] of groups) {
      const color = theme.palette[g++ % theme.palette.length]!;
      const agg = aggregate(members);
      const name = `${groupName(input.groupBy, group)} (${members.length} ${members.length === 1 ? 'run' : 'runs'})`;
      const point = (i: number, y: number, what: string) => ({
        value: [agg.x[i], forScale(y, logY)],
        at: escapeHtml(xText(agg.x[i]!, axisKind)),
        line: `<b>${escapeHtml(name)}</b> ${what} ${formatNumber(y)} (min ${formatNumber(agg.min[i]!)}, max ${formatNumber(agg.max[i]!)}, ${agg.count[i]} runs)`,
      });
      const stack = `band-${g}`;
      lines.push({ type: 'line', name, showSymbol: false, color, lineStyle: { width: 2 }, data: agg.mean.map((y, i) => point(i, y, 'mean')) });
      if (logY) {
        // Stacked areas do not add up on a log axis, so the band's edges are drawn as thin lines instead.
        lines.push({ type: 'line', name, showSymbol: false, color, lineStyle: { width: 1, type: 'dashed', opacity: 0.6 }, data: agg.min.map((y, i) => point(i, y, 'min')) });
        lines.push({ type: 'line', name, showSymbol: false, color, lineStyle: { width: 1, type: 'dashed', opacity: 0.6 }, data: agg.max.map((y, i) => point(i, y, 'max')) });
      } else {
        lines.push({ type: 'line', name, stack, showSymbol: false, silent: true, lineStyle: { opacity: 0 }, data: agg.min.map((y, i) => [agg.x[i], y]) });
        lines.push({ type: 'line', name, stack, showSymbol: false, silent: true, lineStyle: { opacity: 0 }, areaStyle: { color, opacity: 0.2 },
          data: agg.max.map((y, i) => [agg.x[i], y - agg.min[i]!]) });
      }
    }
  } else {
    for (const { run, curve } of curves) {
      const selected = run.id === input.selectedRunId;
      lines.push({
        type: 'line', id: run.id, name: run.name, showSymbol: false, triggerEvent: 'line', lineStyle: { width: selected ? 3 : 1.5 }, z: selected ? 3 : 2,
        data: curve.x.map((x, i) => ({
          value: [x, forScale(curve.y[i]!, logY)], runId: run.id,
          at: escapeHtml(xText(x, axisKind)), line: `<b>${escapeHtml(run.name)}</b> ${escapeHtml(input.metric)} ${formatNumber(curve.y[i]!)}`,
        })),
      });
    }
  }
  const common = base(theme);
  return {
    ...common,
    tooltip: { ...(common.tooltip as ChartOption), trigger: 'axis', formatter: axisTooltip },
    grid: { left: 60, right: 24, top: 56, bottom: 40 },
    legend: { type: 'scroll', top: 0, textStyle: { color: theme.foreground } },
    xAxis: axis(theme, { type: axisKind === 'wallTime' ? 'time' : 'value', name: axisNames[axisKind], nameLocation: 'middle', nameGap: 26, scale: true }),
    yAxis: axis(theme, { type: logY ? 'log' : 'value', name: input.metric, scale: !logY }),
    series: lines,
  };
}

/** A param's values as numbers when every present value is one; else as categories. */
function paramAxis(values: ReadonlyArray<string | null>): { numeric: boolean; categories: string[] } {
  const present = values.filter((v): v is string => v !== null);
  const numeric = present.length > 0 && present.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  return { numeric, categories: numeric ? [] : [...new Set(present)].sort() };
}

export interface RunsInput {
  readonly result: CompareResult;
  readonly runIndexes: readonly number[];
  readonly metric: string;
  readonly directions: Readonly<Record<string, boolean>>;
  readonly selectedRunId?: string;
  readonly theme: ChartTheme;
}

function bestValues(input: RunsInput): { values: Array<number | null>; higher: boolean; best: number | undefined } {
  const metric = input.result.metrics.find((m) => m.key === input.metric);
  if (!metric) return { values: input.result.runs.map(() => null), higher: true, best: undefined };
  const higher = higherIsBetter(metric, input.directions);
  return { values: metric.values.map((c) => (c ? statValue(c, 'best', higher) : null)), higher, best: bestIndex(metric, higher) };
}

export function scatterOption(input: RunsInput & { readonly param: string }): ChartOption {
  const { result, theme } = input;
  const row = result.params.find((p) => p.key === input.param);
  const paramValues = row?.values ?? result.runs.map(() => null);
  const { numeric, categories } = paramAxis(paramValues);
  const { values } = bestValues(input);
  const data = input.runIndexes.flatMap((i) => {
    const x = paramValues[i];
    const y = values[i];
    if (x === null || x === undefined || y === null || y === undefined || !Number.isFinite(y)) return [];
    const run = result.runs[i]!;
    const selected = run.id === input.selectedRunId;
    return [{
      value: [numeric ? Number(x) : x, y], runId: run.id, name: run.name,
      symbolSize: selected ? 16 : 9,
      tip: tip(run.name, `${input.param} ${x}`, `${input.metric} ${formatNumber(y)}`),
    }];
  });
  return {
    ...base(theme),
    grid: { left: 60, right: 24, top: 24, bottom: 48 },
    xAxis: axis(theme, numeric
      ? { type: 'value', name: input.param, nameLocation: 'middle', nameGap: 28, scale: true }
      : { type: 'category', data: categories, name: input.param, nameLocation: 'middle', nameGap: 28 }),
    yAxis: axis(theme, { type: 'value', name: `best ${input.metric}`, scale: true }),
    series: [{ type: 'scatter', data }],
  };
}

export function parallelOption(input: RunsInput & { readonly params: readonly string[] }): ChartOption {
  const { result, theme } = input;
  const rows = input.params.map((key) => result.params.find((p) => p.key === key)).filter((r) => r !== undefined);
  const axes = rows.map((row) => paramAxis(row.values));
  const { values } = bestValues(input);
  const parallelAxis = [
    ...rows.map((row, dim) => (axes[dim]!.numeric
      ? { dim, name: row.key, type: 'value', scale: true }
      : { dim, name: row.key, type: 'category', data: axes[dim]!.categories })),
    { dim: rows.length, name: input.metric, type: 'value', scale: true },
  ].map((a) => ({ ...a, nameTextStyle: { color: theme.foreground }, axisLine: { lineStyle: { color: theme.muted } }, axisLabel: { color: theme.muted } }));
  const data = input.runIndexes.flatMap((i) => {
    const run = result.runs[i]!;
    const y = values[i];
    const point = rows.map((row, dim) => {
      const v = row.values[i] ?? null;
      return v === null ? null : axes[dim]!.numeric ? Number(v) : v;
    });
    const selected = run.id === input.selectedRunId;
    return [{
      value: [...point, y !== null && y !== undefined && Number.isFinite(y) ? y : null], runId: run.id, name: run.name,
      lineStyle: { width: selected ? 4 : 1.5, opacity: selected ? 1 : 0.7 },
      tip: tip(run.name, ...rows.map((row) => `${row.key} ${row.values[i] ?? '—'}`), `${input.metric} ${y === null || y === undefined ? '—' : formatNumber(y)}`),
    }];
  });
  return {
    ...base(theme),
    parallel: { left: 60, right: 80, top: 40, bottom: 30 },
    parallelAxis,
    series: [{ type: 'parallel', data, lineStyle: { width: 1.5 } }],
  };
}

export function barOption(input: RunsInput): ChartOption {
  const { result, theme } = input;
  const { values, higher, best } = bestValues(input);
  const runs = input.runIndexes.map((i) => result.runs[i]!);
  return {
    ...base(theme),
    grid: { left: 60, right: 24, top: 24, bottom: 80 },
    xAxis: axis(theme, { type: 'category', data: runs.map((r) => r.name), axisLabel: { color: theme.muted, rotate: 30, width: 120, overflow: 'truncate' } }),
    yAxis: axis(theme, { type: 'value', name: `best ${input.metric} (${higher ? 'higher' : 'lower'} is better)`, scale: true }),
    series: [{
      type: 'bar',
      data: input.runIndexes.map((i) => {
        const run = result.runs[i]!;
        const y = values[i];
        const finite = y !== null && y !== undefined && Number.isFinite(y);
        const marked = i === best || run.id === input.selectedRunId;
        return {
          value: finite ? y : null, runId: run.id, name: run.name,
          itemStyle: marked ? { borderColor: theme.foreground, borderWidth: 2 } : {},
          tip: tip(run.name, `best ${input.metric} ${finite ? formatNumber(y) : '—'}${i === best ? ' (best run)' : ''}`),
        };
      }),
    }],
  };
}
