// The charts part of the compare page: the kind and its controls, the series it asks the host for, and
// the ECharts option it draws.
import type { CompareResult, MetricSeries } from '../src/protocol';
import {
  chartRunLimit, type ChartKind, type ChartViewState, type CompareViewState, type CurveAxis, type WebviewToHost,
} from '../src/features/compare/messages';
import { barOption, curvesOption, parallelOption, scatterOption, type ChartOption } from './chartOptions';
import type { ChartSurface, ChartSurfaceFactory } from './chartSurface';
import { checkbox, h, select } from './dom';
import { groupChoices } from './grouping';
import { readTheme, watchTheme } from './theme';

export interface ChartSectionContext {
  readonly post: (message: WebviewToHost) => void;
  readonly state: () => CompareViewState;
  /** Saves a change of the chart's view state; the section redraws itself after. */
  readonly saveChart: (change: Partial<ChartViewState>) => void;
  readonly selectRun: (runId: string) => void;
}

const kindLabels: ReadonlyArray<readonly [ChartKind, string]> = [
  ['curves', 'Curves'], ['scatter', 'Metric vs param'], ['parallel', 'Parallel coordinates'], ['bar', 'Best value per run'],
];
const axisLabels: ReadonlyArray<readonly [CurveAxis, string]> = [['step', 'step'], ['wallTime', 'wall time'], ['relativeTime', 'relative time']];

export class ChartSection {
  readonly element: HTMLElement;
  private result: CompareResult | undefined;
  /** Curves by "metric, run ids"; `pending` maps a request id to the key its answer fills. */
  private readonly series = new Map<string, MetricSeries[]>();
  private readonly pending = new Map<number, string>();
  private nextRequestId = 1;
  private surface: ChartSurface | undefined;
  private parallelPickerOpen = false;
  private readonly controls = h('div', { className: 'controls' });
  private readonly notice = h('div', { className: 'muted', testId: 'chart-notice' });
  private readonly container = h('div', { className: 'chart', testId: 'chart' });
  private readonly stopWatchingTheme: () => void;

  constructor(private readonly context: ChartSectionContext, private readonly createSurface: ChartSurfaceFactory) {
    this.element = h('section', { className: 'section' }, [h('h2', { text: 'Charts' }), this.controls, this.notice, this.container]);
    this.stopWatchingTheme = watchTheme(() => this.renderChart());
  }

  /** A new comparison; `keepSeries` when only its metric rows changed, so the curves held are still current. */
  setResult(result: CompareResult, keepSeries: boolean): void {
    if (!keepSeries) {
      this.series.clear();
      this.pending.clear();
    }
    this.result = result;
    this.render();
  }

  receiveSeries(requestId: number, series: MetricSeries[]): void {
    const key = this.pending.get(requestId);
    if (key === undefined) return;
    this.pending.delete(requestId);
    this.series.set(key, series);
    this.renderChart();
  }

  /** The chart as a PNG on the theme's background, if one is drawn. */
  pngDataUrl(): string | undefined {
    return this.surface?.pngDataUrl(readTheme().background);
  }

  dispose(): void {
    this.stopWatchingTheme();
    this.surface?.dispose();
  }

  private change(change: Partial<ChartViewState>): void {
    this.context.saveChart(change);
    this.render();
  }

  private get chart(): ChartViewState {
    return this.context.state().chart;
  }

  private metric(): string | undefined {
    const metrics = this.result?.metrics ?? [];
    const wanted = this.chart.metric;
    if (wanted && metrics.some((m) => m.key === wanted)) return wanted;
    const main = this.result?.mainMetric;
    return main && metrics.some((m) => m.key === main) ? main : metrics[0]?.key;
  }

  private scatterParam(): string | undefined {
    const params = this.result?.params ?? [];
    const wanted = this.chart.param;
    if (wanted && params.some((p) => p.key === wanted)) return wanted;
    return (params.find((p) => p.differs) ?? params[0])?.key;
  }

  private parallelParams(): string[] {
    const params = this.result?.params ?? [];
    const chosen = this.chart.parallelParams.filter((k) => params.some((p) => p.key === k));
    if (chosen.length > 0) return chosen;
    return params.filter((p) => p.differs).slice(0, 4).map((p) => p.key);
  }

  /** The controls for the chosen kind, then the chart. */
  render(): void {
    const result = this.result;
    if (!result) return;
    const chart = this.chart;
    const controls: Node[] = [
      select('chart-kind', 'Chart', kindLabels, chart.kind, (kind) => this.change({ kind: kind as ChartKind })),
      select('chart-metric', 'Metric', result.metrics.map((m) => [m.key, m.key] as const), this.metric(), (key) => this.change({ metric: key })),
    ];
    const paramChoices = result.params.map((p) => [p.key, p.key] as const);
    if (chart.kind === 'curves') {
      const smoothing = h('input', { testId: 'smoothing', attrs: { type: 'range', min: '0', max: '0.99', step: '0.01', 'aria-label': 'Smoothing' } });
      smoothing.value = String(chart.smoothing);
      const shown = h('span', { text: chart.smoothing.toFixed(2) });
      smoothing.addEventListener('input', () => { shown.textContent = Number(smoothing.value).toFixed(2); });
      smoothing.addEventListener('change', () => this.change({ smoothing: Number(smoothing.value) }));
      controls.push(
        select('chart-axis', 'x', axisLabels, chart.axis, (axis) => this.change({ axis: axis as CurveAxis })),
        h('label', { className: 'control' }, ['Smoothing ', smoothing, ' ', shown]),
        checkbox('log-scale', 'Log scale', chart.logY, (logY) => this.change({ logY })),
        select('group-by', 'Group by', [['', 'no grouping'], ...groupChoices(result).map((c) => [c.value, c.label] as const)], chart.groupBy ?? '',
          (groupBy) => this.change({ groupBy: groupBy || undefined })),
      );
    } else if (chart.kind === 'scatter') {
      controls.push(select('param-picker', 'Param', paramChoices, this.scatterParam(), (param) => this.change({ param })));
    } else if (chart.kind === 'parallel') {
      const chosen = this.parallelParams();
      const box = h('div', { className: 'param-list', testId: 'param-picker' }, paramChoices.map(([key]) =>
        checkbox(`param-${key}`, key, chosen.includes(key), (on) =>
          this.change({ parallelParams: on ? [...chosen, key] : chosen.filter((k) => k !== key) }))));
      const picker = h('details', { className: 'picker' }, [h('summary', { text: `Params (${chosen.length})` }), box]);
      // The controls are drawn anew on each change; the list stays open while params are being ticked.
      picker.open = this.parallelPickerOpen;
      picker.addEventListener('toggle', () => { this.parallelPickerOpen = picker.open; });
      controls.push(picker);
    }
    this.controls.replaceChildren(...controls);
    this.renderChart();
  }

  /** Curves and bars draw the first runs only; a scatter or parallel chart of all of them stays cheap. */
  private runIndexes(limited: boolean): number[] {
    const runs = this.result?.runs.length ?? 0;
    return Array.from({ length: limited ? Math.min(runs, chartRunLimit) : runs }, (_, i) => i);
  }

  renderChart(): void {
    const result = this.result;
    if (!result) return;
    const chart = this.chart;
    const state = this.context.state();
    const metric = this.metric();
    const limited = chart.kind === 'curves' || chart.kind === 'bar';
    const runIndexes = this.runIndexes(limited);
    const notices: string[] = [];
    if (limited && result.runs.length > runIndexes.length) {
      notices.push(`The chart shows the first ${runIndexes.length} of ${result.runs.length.toLocaleString('en-US')} runs.`);
    }
    if (!metric) notices.push('These runs have no metrics to chart.');
    const theme = readTheme();
    const common = { result, runIndexes, metric: metric ?? '', directions: state.directions, theme,
      ...(state.selectedRunId ? { selectedRunId: state.selectedRunId } : {}) };
    let option: ChartOption | undefined;
    if (metric && chart.kind === 'curves') {
      const runIds = runIndexes.map((i) => result.runs[i]!.id);
      const key = `${metric}\n${runIds.join('\n')}`;
      const series = this.series.get(key);
      if (!series) {
        this.requestSeries(key, runIds, metric);
        notices.push('Loading curves…');
      } else if (!series.some((s) => s.values.length > 0)) {
        notices.push(`None of these runs logged ${metric} as a series.`);
      }
      option = curvesOption({ ...common, series: series ?? [], axis: chart.axis, smoothing: chart.smoothing, logY: chart.logY,
        ...(chart.groupBy ? { groupBy: chart.groupBy } : {}) });
    } else if (metric && chart.kind === 'scatter') {
      const param = this.scatterParam();
      if (param) option = scatterOption({ ...common, param });
      else notices.push('These runs have no params to plot against.');
    } else if (metric && chart.kind === 'parallel') {
      option = parallelOption({ ...common, params: this.parallelParams() });
    } else if (metric && chart.kind === 'bar') {
      option = barOption(common);
    }
    this.notice.textContent = notices.join(' ');
    if (!option) return;
    if (!this.surface) {
      this.surface = this.createSurface(this.container);
      this.surface.onClickRun((runId) => this.context.selectRun(runId));
    }
    this.surface.setOption(option);
  }

  private requestSeries(key: string, runIds: string[], metric: string): void {
    if ([...this.pending.values()].includes(key)) return;
    const requestId = this.nextRequestId++;
    this.pending.set(requestId, key);
    this.context.post({ type: 'requestSeries', requestId, runIds, keys: [metric] });
  }
}
