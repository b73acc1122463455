// The compare panel's page: tables, charts and exports over one CompareResult, with the view state
// kept through the host (vscode.getState/setState) so hiding or reloading the panel loses nothing.
import type { CompareResult, CompareRow, MetricSeries } from '../src/protocol';
import {
  chartRunLimit, type ChartKind, type ChartViewState, type CompareViewState, type CurveAxis, type HostToWebview, type MetricStat,
  type WebviewToHost,
} from '../src/features/compare/messages';
import { barOption, curvesOption, parallelOption, scatterOption, type ChartOption } from './chartOptions';
import type { ChartSurface, ChartSurfaceFactory } from './chartSurface';
import { ColumnPicker } from './columnPicker';
import { differingCells, metricRows, visibleRows, type MetricTableRow } from './compareModel';
import { button, checkbox, h, select } from './dom';
import { comparisonMarkdown, metricsCsv, paramsCsv } from './exportText';
import { formatNumber } from './format';
import { groupChoices } from './grouping';
import { runHeader } from './runHeader';
import { readTheme, watchTheme } from './theme';
import { restoreState } from './viewState';
import { VirtualTable, type TableModel } from './virtualTable';

export interface WebviewHost {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: CompareViewState): void;
}

const statLabels: ReadonlyArray<readonly [MetricStat, string]> = [['best', 'best'], ['last', 'last'], ['min', 'min'], ['max', 'max']];
const kindLabels: ReadonlyArray<readonly [ChartKind, string]> = [
  ['curves', 'Curves'], ['scatter', 'Metric vs param'], ['parallel', 'Parallel coordinates'], ['bar', 'Best value per run'],
];
const axisLabels: ReadonlyArray<readonly [CurveAxis, string]> = [['step', 'step'], ['wallTime', 'wall time'], ['relativeTime', 'relative time']];
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export class CompareApp {
  private state: CompareViewState;
  private result: CompareResult | undefined;
  private readonly series = new Map<string, MetricSeries[]>();
  private readonly pending = new Map<number, string>();
  private nextRequestId = 1;
  private surface: ChartSurface | undefined;
  private parallelPickerOpen = false;
  private readonly status = h('div', { className: 'status', attrs: { role: 'status' } });
  private readonly paramsTable = new VirtualTable('params-table');
  private readonly environmentTable = new VirtualTable('environment-table');
  private readonly metricsTable = new VirtualTable('metrics-table');
  private readonly environment = h('details', { className: 'section', testId: 'environment-section' });
  private readonly onlyDifferences: HTMLLabelElement;
  private readonly statControls = h('span', { className: 'controls' });
  private readonly picker = new ColumnPicker((chosen) => this.chooseMetrics(chosen));
  private readonly chartControls = h('div', { className: 'controls' });
  private readonly chartNotice = h('div', { className: 'muted', testId: 'chart-notice' });
  private readonly chartContainer = h('div', { className: 'chart', testId: 'chart' });
  private readonly stopWatchingTheme: () => void;

  constructor(root: HTMLElement, private readonly host: WebviewHost, private readonly createSurface: ChartSurfaceFactory) {
    this.state = restoreState(host.getState());
    this.onlyDifferences = checkbox('only-differences', 'Only differences', this.state.onlyDifferences, (on) => {
      this.update({ onlyDifferences: on });
      this.renderTables();
    });
    this.environment.open = this.state.environmentOpen;
    this.environment.append(h('summary', { text: 'Environment' }), this.environmentTable.element);
    this.environment.addEventListener('toggle', () => {
      this.update({ environmentOpen: this.environment.open });
      if (this.environment.open) this.environmentTable.render();
    });
    for (const table of [this.paramsTable, this.environmentTable, this.metricsTable]) {
      table.element.addEventListener('click', (event) => this.onTableClick(event));
    }
    const toolbar = h('div', { className: 'toolbar' }, [
      this.onlyDifferences,
      button('export-params-csv', 'Params CSV', () => this.exportParams(), 'Save the params table as CSV'),
      button('export-metrics-csv', 'Metrics CSV', () => this.exportMetrics(), 'Save the metrics table as CSV'),
      button('export-chart-png', 'Chart PNG', () => this.exportChart(), 'Save the chart as a PNG image'),
      button('copy-markdown', 'Copy Markdown', () => this.copyMarkdown(), 'Copy the comparison as a Markdown table'),
    ]);
    root.replaceChildren(
      toolbar,
      this.status,
      h('section', { className: 'section' }, [h('h2', { text: 'Params' }), this.paramsTable.element]),
      this.environment,
      h('section', { className: 'section' }, [h('h2', { text: 'Metrics' }), h('div', { className: 'controls' }, [this.statControls, this.picker.element]), this.metricsTable.element]),
      h('section', { className: 'section' }, [h('h2', { text: 'Charts' }), this.chartControls, this.chartNotice, this.chartContainer]),
    );
    this.status.textContent = this.state.runIds.length > 0 ? `Loading ${count(this.state.runIds.length, 'run')}…` : 'Waiting for runs…';
    this.stopWatchingTheme = watchTheme(() => this.renderChart());
    // The tables draw what is in view, so a wider or taller panel has more to draw.
    window.addEventListener('resize', () => {
      this.paramsTable.render();
      this.environmentTable.render();
      this.metricsTable.render();
    });
  }

  /** The handshake: the host sends nothing before this. */
  start(): void {
    this.host.postMessage({ type: 'ready' });
  }

  get viewState(): CompareViewState {
    return this.state;
  }

  dispose(): void {
    this.stopWatchingTheme();
    this.surface?.dispose();
  }

  receive(message: HostToWebview): void {
    switch (message.type) {
      case 'compare': {
        const sameRuns = message.runIds.join('\n') === this.state.runIds.join('\n');
        if (!sameRuns || message.reason !== 'metricKeys') {
          this.series.clear();
          this.pending.clear();
        }
        this.result = message.result;
        const selected = message.result.runs.some((r) => r.id === this.state.selectedRunId) ? this.state.selectedRunId : undefined;
        // Metric rows picked for other runs do not carry over to a new comparison.
        const metricKeys = sameRuns ? this.state.metricKeys : undefined;
        this.replaceState({ ...this.state, runIds: [...message.runIds], selectedRunId: selected, metricKeys });
        this.renderAll();
        // A reloaded panel's host starts from the server's default rows: ask again for the ones picked.
        const shown = message.result.metrics.map((m) => m.key).join('\n');
        if (message.reason === 'opened' && metricKeys && metricKeys.join('\n') !== shown) {
          this.host.postMessage({ type: 'requestCompare', metricKeys });
        }
        return;
      }
      case 'series': {
        const key = this.pending.get(message.requestId);
        if (key === undefined) return;
        this.pending.delete(message.requestId);
        this.series.set(key, message.result.series);
        this.renderChart();
        return;
      }
      case 'annotation': {
        if (!this.result) return;
        const { runId, starred } = message.annotation;
        this.result = { ...this.result, runs: this.result.runs.map((r) => (r.id === runId ? { ...r, starred } : r)) };
        this.renderTables();
        return;
      }
      case 'error':
        this.status.textContent = message.message;
        this.status.classList.add('error');
        return;
    }
  }

  private update(change: Partial<CompareViewState>): void {
    this.replaceState({ ...this.state, ...change });
  }

  private updateChart(change: Partial<ChartViewState>): void {
    this.update({ chart: { ...this.state.chart, ...change } });
    this.renderCharts();
  }

  private replaceState(state: CompareViewState): void {
    const clean = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined)) as unknown as CompareViewState;
    this.state = clean;
    this.host.setState(clean);
  }

  private renderAll(): void {
    const result = this.result!;
    this.status.classList.remove('error');
    const notes: string[] = [];
    if (result.runs.length === 0) notes.push('No runs to compare: select runs in the Runs view.');
    else notes.push(`${count(result.runs.length, 'run')} · ${count(result.params.length, 'param')} · ${count(result.metricKeys.length, 'metric')}`);
    if (result.missing.length > 0) notes.push(`${count(result.missing.length, 'run')} not in the index: ${result.missing.join(', ')}`);
    this.status.textContent = notes.join(' · ');
    this.statControls.replaceChildren(...statLabels.map(([stat, label]) => checkbox(`stat-${stat}`, label, this.state.stats.includes(stat), (on) => {
      const stats = on ? [...this.state.stats, stat] : this.state.stats.filter((s) => s !== stat);
      if (stats.length === 0) return;
      this.update({ stats });
      this.renderTables();
    })));
    this.picker.set(result.metricKeys, this.state.metricKeys ?? result.metrics.map((m) => m.key));
    this.renderTables();
    this.renderCharts();
  }

  private selectedColumn(): number | undefined {
    const index = this.result?.runs.findIndex((r) => r.id === this.state.selectedRunId) ?? -1;
    return index >= 0 ? index : undefined;
  }

  private renderTables(): void {
    const result = this.result;
    if (!result) return;
    const selectedColumn = this.selectedColumn();
    const header = (column: number) => runHeader(result.runs[column]!, column);
    const rowsModel = (rows: CompareRow[]): TableModel => {
      const flags = new Map<number, boolean[]>();
      return {
        rowCount: rows.length,
        columnCount: result.runs.length,
        ...(selectedColumn !== undefined ? { selectedColumn } : {}),
        rowHeader: (row) => h('span', { text: rows[row]!.key, title: rows[row]!.key }),
        columnHeader: header,
        cell: (row, column) => {
          const value = rows[row]!.values[column] ?? null;
          let differs = flags.get(row);
          if (!differs) flags.set(row, (differs = differingCells(rows[row]!)));
          const classes = [value === null ? 'missing' : '', differs[column] ? 'differs' : ''].filter(Boolean).join(' ');
          return { text: value ?? '—', ...(classes ? { className: classes } : {}), ...(value !== null ? { title: value } : {}) };
        },
      };
    };
    this.paramsTable.setModel(rowsModel(visibleRows(result.params, this.state.onlyDifferences)));
    this.environmentTable.setModel(rowsModel(visibleRows(result.environment, this.state.onlyDifferences)));
    const metrics = metricRows(result.metrics, this.state.stats, this.state.directions);
    this.metricsTable.setModel({
      rowCount: metrics.length,
      columnCount: result.runs.length,
      ...(selectedColumn !== undefined ? { selectedColumn } : {}),
      rowHeader: (row) => metricKeyCell(metrics, row),
      columnHeader: header,
      cell: (row, column) => {
        const line = metrics[row]!;
        const value = line.values[column] ?? null;
        if (value === null) return { text: '—', className: 'missing' };
        const best = line.best === column;
        return { text: formatNumber(value), ...(best ? { className: 'best', title: `best ${line.metric.key}` } : {}) };
      },
    });
  }

  private onTableClick(event: Event): void {
    const target = (event.target as Element | null)?.closest('[data-action]');
    if (!target || !this.result) return;
    const action = target.getAttribute('data-action');
    if (action === 'star') {
      const runId = target.getAttribute('data-run-id')!;
      const run = this.result.runs.find((r) => r.id === runId);
      if (run) this.host.postMessage({ type: 'setStar', runId, starred: !run.starred });
    } else if (action === 'select-run') {
      const run = this.result.runs[Number(target.getAttribute('data-col'))];
      if (run) this.selectRun(run.id);
    } else if (action === 'direction') {
      const key = target.getAttribute('data-metric')!;
      const metric = this.result.metrics.find((m) => m.key === key);
      if (!metric) return;
      const current = this.state.directions[key] ?? metric.higherIsBetter;
      this.update({ directions: { ...this.state.directions, [key]: !current } });
      this.renderTables();
      this.renderChart();
    }
  }

  private selectRun(runId: string): void {
    if (!this.result?.runs.some((r) => r.id === runId)) return;
    this.update({ selectedRunId: runId });
    this.host.postMessage({ type: 'revealRun', runId });
    this.renderTables();
    this.renderChart();
  }

  private chooseMetrics(keys: string[]): void {
    this.update({ metricKeys: keys });
    this.host.postMessage({ type: 'requestCompare', metricKeys: keys });
  }

  private chartMetric(): string | undefined {
    const metrics = this.result?.metrics ?? [];
    const wanted = this.state.chart.metric;
    if (wanted && metrics.some((m) => m.key === wanted)) return wanted;
    const main = this.result?.mainMetric;
    return main && metrics.some((m) => m.key === main) ? main : metrics[0]?.key;
  }

  /** The controls for the chosen kind, then the chart. */
  private renderCharts(): void {
    const result = this.result;
    if (!result) return;
    const chart = this.state.chart;
    const metric = this.chartMetric();
    const controls: Node[] = [
      select('chart-kind', 'Chart', kindLabels, chart.kind, (kind) => this.updateChart({ kind: kind as ChartKind })),
      select('chart-metric', 'Metric', result.metrics.map((m) => [m.key, m.key] as const), metric, (key) => this.updateChart({ metric: key })),
    ];
    const paramChoices = result.params.map((p) => [p.key, p.key] as const);
    if (chart.kind === 'curves') {
      const smoothing = h('input', { testId: 'smoothing', attrs: { type: 'range', min: '0', max: '0.99', step: '0.01', 'aria-label': 'Smoothing' } });
      smoothing.value = String(chart.smoothing);
      const shown = h('span', { text: chart.smoothing.toFixed(2) });
      smoothing.addEventListener('input', () => { shown.textContent = Number(smoothing.value).toFixed(2); });
      smoothing.addEventListener('change', () => this.updateChart({ smoothing: Number(smoothing.value) }));
      controls.push(
        select('chart-axis', 'x', axisLabels, chart.axis, (axis) => this.updateChart({ axis: axis as CurveAxis })),
        h('label', { className: 'control' }, ['Smoothing ', smoothing, ' ', shown]),
        checkbox('log-scale', 'Log scale', chart.logY, (logY) => this.updateChart({ logY })),
        select('group-by', 'Group by', [['', 'no grouping'], ...groupChoices(result).map((c) => [c.value, c.label] as const)], chart.groupBy ?? '',
          (groupBy) => this.updateChart({ groupBy: groupBy || undefined })),
      );
    } else if (chart.kind === 'scatter') {
      controls.push(select('param-picker', 'Param', paramChoices, this.scatterParam(), (param) => this.updateChart({ param })));
    } else if (chart.kind === 'parallel') {
      const chosen = this.parallelParams();
      const box = h('div', { className: 'param-list', testId: 'param-picker' }, paramChoices.map(([key]) =>
        checkbox(`param-${key}`, key, chosen.includes(key), (on) =>
          this.updateChart({ parallelParams: on ? [...chosen, key] : chosen.filter((k) => k !== key) }))));
      const picker = h('details', { className: 'picker' }, [h('summary', { text: `Params (${chosen.length})` }), box]);
      // The controls are drawn anew on each change; the list stays open while params are being ticked.
      picker.open = this.parallelPickerOpen;
      picker.addEventListener('toggle', () => { this.parallelPickerOpen = picker.open; });
      controls.push(picker);
    }
    this.chartControls.replaceChildren(...controls);
    this.renderChart();
  }

  private scatterParam(): string | undefined {
    const params = this.result?.params ?? [];
    const wanted = this.state.chart.param;
    if (wanted && params.some((p) => p.key === wanted)) return wanted;
    return (params.find((p) => p.differs) ?? params[0])?.key;
  }

  private parallelParams(): string[] {
    const params = this.result?.params ?? [];
    const chosen = this.state.chart.parallelParams.filter((k) => params.some((p) => p.key === k));
    if (chosen.length > 0) return chosen;
    return params.filter((p) => p.differs).slice(0, 4).map((p) => p.key);
  }

  private chartRunIndexes(limited: boolean): number[] {
    const runs = this.result?.runs.length ?? 0;
    return Array.from({ length: limited ? Math.min(runs, chartRunLimit) : runs }, (_, i) => i);
  }

  private renderChart(): void {
    const result = this.result;
    if (!result) return;
    const chart = this.state.chart;
    const metric = this.chartMetric();
    const limited = chart.kind === 'curves' || chart.kind === 'bar';
    const runIndexes = this.chartRunIndexes(limited);
    const notices: string[] = [];
    if (limited && result.runs.length > runIndexes.length) {
      notices.push(`The chart shows the first ${runIndexes.length} of ${result.runs.length.toLocaleString('en-US')} runs.`);
    }
    if (!metric) notices.push('These runs have no metrics to chart.');
    const theme = readTheme();
    const common = { result, runIndexes, metric: metric ?? '', directions: this.state.directions, theme,
      ...(this.state.selectedRunId ? { selectedRunId: this.state.selectedRunId } : {}) };
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
    this.chartNotice.textContent = notices.join(' ');
    if (!option) return;
    if (!this.surface) {
      this.surface = this.createSurface(this.chartContainer);
      this.surface.onClickRun((runId) => this.selectRun(runId));
    }
    this.surface.setOption(option);
  }

  private requestSeries(key: string, runIds: string[], metric: string): void {
    if ([...this.pending.values()].includes(key)) return;
    const requestId = this.nextRequestId++;
    this.pending.set(requestId, key);
    this.host.postMessage({ type: 'requestSeries', requestId, runIds, keys: [metric] });
  }

  private exportParams(): void {
    if (!this.result) return;
    this.host.postMessage({ type: 'saveText', suggestedName: 'params.csv', text: paramsCsv(this.result, visibleRows(this.result.params, this.state.onlyDifferences)) });
  }

  private exportMetrics(): void {
    if (!this.result) return;
    this.host.postMessage({ type: 'saveText', suggestedName: 'metrics.csv', text: metricsCsv(this.result, this.state.stats, this.state.directions) });
  }

  private exportChart(): void {
    if (!this.surface) return;
    this.host.postMessage({ type: 'savePng', suggestedName: `${this.state.chart.kind}.png`, dataUrl: this.surface.pngDataUrl(readTheme().background) });
  }

  private copyMarkdown(): void {
    if (!this.result) return;
    this.host.postMessage({ type: 'copyText', text: comparisonMarkdown(this.result, visibleRows(this.result.params, this.state.onlyDifferences), this.state.directions) });
  }
}

/** A metric row's key cell: the name, the statistic, and on a metric's first row its direction toggle. */
function metricKeyCell(rows: readonly MetricTableRow[], row: number): HTMLElement {
  const line = rows[row]!;
  const first = row === 0 || rows[row - 1]!.metric.key !== line.metric.key;
  const children: Node[] = [h('span', { className: 'metric-key', text: line.metric.key, title: line.metric.key }), h('span', { className: 'muted', text: line.stat })];
  if (!first) children.unshift(h('span', { className: 'direction-spacer' }));
  else {
    children.unshift(h('button', {
      className: 'direction',
      testId: 'direction-toggle',
      text: line.higher ? '↑' : '↓',
      title: line.higher ? 'Higher is better (click: lower is better)' : 'Lower is better (click: higher is better)',
      attrs: { type: 'button', 'data-action': 'direction', 'data-metric': line.metric.key },
    }));
  }
  return h('span', { className: 'metric-cell' }, children);
}
