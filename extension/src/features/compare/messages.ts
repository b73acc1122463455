// The one message contract between the compare panel's host (the extension) and its webview bundle.
// Both sides import this file, so a message one side sends and the other does not understand is a
// compile error. Only types cross: the webview bundle imports nothing at run time from here.
//
// Nothing goes to the webview before it posts `ready`. The host then sends `compare` (again whenever
// the runs or the chosen metric keys change) and answers each `requestSeries` with `series` carrying
// the same `requestId`.
//
// Stable `data-testid`s in the webview, for playwright:
//   compare-root            the panel's root element
//   only-differences        the "only differences" checkbox
//   params-table            the params table (virtualised; cells carry data-row / data-col)
//   environment-section     the collapsible <details> around the environment table
//   environment-table       the environment table
//   metrics-table           the metrics table
//   direction-toggle        each metric's ↑/↓ button (data-metric holds the key)
//   star-button             each run's star in a column header (data-run-id holds the run id)
//   tags-button, note-button each run's tag and note editors in a column header (data-run-id)
//   metric-picker           the metric column picker (search box: metric-picker-search)
//   param-picker            the param chooser of the scatter and parallel charts
//   chart-kind              the chart kind selector
//   chart-metric            the chart's metric selector
//   chart                   the chart container
//   chart-notice            "charts show the first N of M runs"
//   group-by                the group-by selector
//   export-params-csv, export-metrics-csv, export-chart-png, copy-markdown   the export buttons
import type { Annotation, CompareResult, MetricSeriesResult } from '../../protocol';

export type HostToWebview =
  /** The comparison of `runIds`; the webview keeps the ids in its state so a reload can restore them.
   * `reason` says whether the curves it holds may be stale: they are not when only the metric rows changed. */
  | { readonly type: 'compare'; readonly runIds: string[]; readonly result: CompareResult; readonly reason: CompareReason }
  | { readonly type: 'series'; readonly requestId: number; readonly result: MetricSeriesResult }
  | { readonly type: 'annotation'; readonly annotation: Annotation }
  /** Something the host could not do; the webview shows it and keeps working. */
  | { readonly type: 'error'; readonly message: string };

export type CompareReason = 'opened' | 'metricKeys' | 'runsChanged';

export type WebviewToHost =
  | { readonly type: 'ready' }
  /** Compare the same runs again, with these metric rows (from the column picker). */
  | { readonly type: 'requestCompare'; readonly metricKeys: string[] }
  | { readonly type: 'requestSeries'; readonly requestId: number; readonly runIds: string[]; readonly keys: string[] }
  | { readonly type: 'setStar'; readonly runId: string; readonly starred: boolean }
  | { readonly type: 'revealRun'; readonly runId: string }
  /** Edit the run's tags or note; the host asks in VS Code's own input box (the tree's commands). */
  | { readonly type: 'editAnnotation'; readonly runId: string; readonly field: 'tags' | 'note' }
  /** Ask where to save `text` (a CSV table) and write it there. */
  | { readonly type: 'saveText'; readonly suggestedName: string; readonly text: string }
  /** Ask where to save a PNG given as a `data:image/png;base64,…` URL and write it there. */
  | { readonly type: 'savePng'; readonly suggestedName: string; readonly dataUrl: string }
  | { readonly type: 'copyText'; readonly text: string };

export type ChartKind = 'curves' | 'scatter' | 'parallel' | 'bar';

export type CurveAxis = 'step' | 'wallTime' | 'relativeTime';

export type MetricStat = 'last' | 'min' | 'max' | 'best';

/** What the webview keeps with `vscode.setState`; the host's panel serializer reads `runIds` from it. */
export interface CompareViewState {
  readonly version: 1;
  readonly runIds: string[];
  readonly onlyDifferences: boolean;
  readonly environmentOpen: boolean;
  /** The user's override of a metric's direction: true when higher is better. */
  readonly directions: Readonly<Record<string, boolean>>;
  readonly stats: MetricStat[];
  /** Metric rows chosen in the column picker; absent: the server's default choice. */
  readonly metricKeys?: string[];
  readonly selectedRunId?: string;
  readonly chart: ChartViewState;
}

export interface ChartViewState {
  readonly kind: ChartKind;
  readonly metric?: string;
  readonly axis: CurveAxis;
  /** 0 (none) to 0.99, TensorBoard's smoothing weight. */
  readonly smoothing: number;
  readonly logY: boolean;
  readonly param?: string;
  readonly parallelParams: string[];
  /** "param:<key>", "tag:<key>" or absent for no grouping. */
  readonly groupBy?: string;
}

/** How many runs the charts draw at most; the rest are named in a notice. */
export const chartRunLimit = 20;

export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  const str = (key: string) => typeof message[key] === 'string';
  const strings = (key: string) => Array.isArray(message[key]) && (message[key] as unknown[]).every((v) => typeof v === 'string');
  switch (message.type) {
    case 'ready': return true;
    case 'requestCompare': return strings('metricKeys');
    case 'requestSeries': return typeof message.requestId === 'number' && strings('runIds') && strings('keys');
    case 'setStar': return str('runId') && typeof message.starred === 'boolean';
    case 'revealRun': return str('runId');
    case 'editAnnotation': return str('runId') && (message.field === 'tags' || message.field === 'note');
    case 'saveText': return str('suggestedName') && str('text');
    case 'savePng': return str('suggestedName') && str('dataUrl') && (message.dataUrl as string).startsWith('data:image/png;base64,');
    case 'copyText': return str('text');
    default: return false;
  }
}
