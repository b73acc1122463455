// The compare panel's page: tables, charts and exports over one CompareResult, with the view state
// kept through the host (vscode.getState/setState) so hiding or reloading the panel loses nothing.
import type { CompareResult } from '../src/protocol';
import type { CompareViewState, HostToWebview, MetricStat, WebviewToHost } from '../src/features/compare/messages';
import { ChartSection } from './chartSection';
import type { ChartSurfaceFactory } from './chartSurface';
import { ColumnPicker } from './columnPicker';
import { metricRows, visibleRows } from './compareModel';
import { button, checkbox, h } from './dom';
import { comparisonMarkdown, metricsCsv, paramsCsv } from './exportText';
import { metricsTableModel, rowsTableModel } from './tableModels';
import { restoreState } from './viewState';
import { VirtualTable } from './virtualTable';

export interface WebviewHost {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: CompareViewState): void;
}

const statLabels: ReadonlyArray<readonly [MetricStat, string]> = [['best', 'best'], ['last', 'last'], ['min', 'min'], ['max', 'max']];
const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export class CompareApp {
  private state: CompareViewState;
  private result: CompareResult | undefined;
  private readonly status = h('div', { className: 'status', attrs: { role: 'status' } });
  private readonly paramsTable = new VirtualTable('params-table');
  private readonly environmentTable = new VirtualTable('environment-table');
  private readonly metricsTable = new VirtualTable('metrics-table');
  private readonly environment = h('details', { className: 'section', testId: 'environment-section' });
  private readonly onlyDifferences: HTMLLabelElement;
  private readonly statControls = h('span', { className: 'controls' });
  private readonly picker = new ColumnPicker((chosen) => this.chooseMetrics(chosen));
  private readonly charts: ChartSection;

  constructor(root: HTMLElement, private readonly host: WebviewHost, createSurface: ChartSurfaceFactory) {
    this.state = restoreState(host.getState());
    this.charts = new ChartSection({
      post: (message) => host.postMessage(message),
      state: () => this.state,
      saveChart: (change) => this.update({ chart: { ...this.state.chart, ...change } }),
      selectRun: (runId) => this.selectRun(runId),
    }, createSurface);
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
      this.charts.element,
    );
    this.status.textContent = this.state.runIds.length > 0 ? `Loading ${count(this.state.runIds.length, 'run')}…` : 'Waiting for runs…';
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
    this.charts.dispose();
  }

  receive(message: HostToWebview): void {
    switch (message.type) {
      case 'compare': {
        const sameRuns = message.runIds.join('\n') === this.state.runIds.join('\n');
        this.result = message.result;
        const selected = message.result.runs.some((r) => r.id === this.state.selectedRunId) ? this.state.selectedRunId : undefined;
        // Metric rows picked for other runs do not carry over to a new comparison.
        const metricKeys = sameRuns ? this.state.metricKeys : undefined;
        this.replaceState({ ...this.state, runIds: [...message.runIds], selectedRunId: selected, metricKeys });
        this.renderAll(sameRuns && message.reason === 'metricKeys');
        // A reloaded panel's host starts from the server's default rows: ask again for the ones picked.
        const shown = message.result.metrics.map((m) => m.key).join('\n');
        if (message.reason === 'opened' && metricKeys && metricKeys.join('\n') !== shown) {
          this.host.postMessage({ type: 'requestCompare', metricKeys });
        }
        return;
      }
      case 'series':
        this.charts.receiveSeries(message.requestId, message.result.series);
        return;
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

  private replaceState(state: CompareViewState): void {
    const clean = Object.fromEntries(Object.entries(state).filter(([, v]) => v !== undefined)) as unknown as CompareViewState;
    this.state = clean;
    this.host.setState(clean);
  }

  private renderAll(keepSeries: boolean): void {
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
    this.charts.setResult(result, keepSeries);
  }

  private selectedColumn(): number | undefined {
    const index = this.result?.runs.findIndex((r) => r.id === this.state.selectedRunId) ?? -1;
    return index >= 0 ? index : undefined;
  }

  private renderTables(): void {
    const result = this.result;
    if (!result) return;
    const selectedColumn = this.selectedColumn();
    this.paramsTable.setModel(rowsTableModel(result, visibleRows(result.params, this.state.onlyDifferences), selectedColumn));
    this.environmentTable.setModel(rowsTableModel(result, visibleRows(result.environment, this.state.onlyDifferences), selectedColumn));
    this.metricsTable.setModel(metricsTableModel(result, metricRows(result.metrics, this.state.stats, this.state.directions), selectedColumn));
  }


  private onTableClick(event: Event): void {
    const target = (event.target as Element | null)?.closest('[data-action]');
    if (!target || !this.result) return;
    const action = target.getAttribute('data-action');
    if (action === 'star') {
      const runId = target.getAttribute('data-run-id')!;
      const run = this.result.runs.find((r) => r.id === runId);
      if (run) this.host.postMessage({ type: 'setStar', runId, starred: !run.starred });
    } else if (action === 'edit-tags' || action === 'edit-note') {
      const runId = target.getAttribute('data-run-id')!;
      this.host.postMessage({ type: 'editAnnotation', runId, field: action === 'edit-tags' ? 'tags' : 'note' });
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
      this.charts.renderChart();
    }
  }

  private selectRun(runId: string): void {
    const column = this.result?.runs.findIndex((r) => r.id === runId) ?? -1;
    if (column < 0) return;
    this.update({ selectedRunId: runId });
    this.host.postMessage({ type: 'revealRun', runId });
    this.renderTables();
    for (const table of [this.paramsTable, this.environmentTable, this.metricsTable]) table.revealColumn(column);
    this.charts.renderChart();
  }

  private chooseMetrics(keys: string[]): void {
    this.update({ metricKeys: keys });
    this.host.postMessage({ type: 'requestCompare', metricKeys: keys });
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
    const dataUrl = this.charts.pngDataUrl();
    if (dataUrl) this.host.postMessage({ type: 'savePng', suggestedName: `${this.state.chart.kind}.png`, dataUrl });
  }

  private copyMarkdown(): void {
    if (!this.result) return;
    this.host.postMessage({ type: 'copyText', text: comparisonMarkdown(this.result, visibleRows(this.result.params, this.state.onlyDifferences), this.state.directions) });
  }
}
