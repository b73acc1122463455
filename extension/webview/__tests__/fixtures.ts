// Compare results for the webview tests: the golden sample the C# server wrote, and generated ones of
// any size shaped the same way.
import type { CompareMetric, CompareResult, CompareRow, MetricSeries } from '../../src/protocol';
import golden from '../../src/protocol/__golden__/compareResult.json';
import seriesGolden from '../../src/protocol/__golden__/metricSeriesResult.json';
import type { CompareViewState, WebviewToHost } from '../../src/features/compare/messages';
import type { ChartSurface } from '../chartSurface';
import type { WebviewHost } from '../app';

export const goldenCompare = golden as CompareResult;
export const goldenSeries = seriesGolden.series as MetricSeries[];

export interface GeneratedOptions {
  runs: number;
  params?: number;
  metrics?: number;
  metricKeys?: number;
}

/** `runs` runs r0…; param p0 the same everywhere, the others differing; metric m0 a loss (lower is
 * better) whose best run is the last, m1 an accuracy whose best run is the first. */
export function generated({ runs, params = 3, metrics = 2, metricKeys = metrics }: GeneratedOptions): CompareResult {
  const ids = Array.from({ length: runs }, (_, i) => `r${i}`);
  const paramRows: CompareRow[] = Array.from({ length: params }, (_, p) => ({
    key: `p${p}`,
    values: ids.map((_, i) => (p === 0 ? 'same' : String((i % 3) * 0.1 + p))),
    differs: p !== 0 && runs > 1,
  }));
  const metricRows: CompareMetric[] = Array.from({ length: metrics }, (_, m) => {
    const higherIsBetter = m % 2 === 1;
    return {
      key: `m${m}`,
      higherIsBetter,
      values: ids.map((_, i) => {
        const v = higherIsBetter ? 1 - i / (runs * 2) : 1 - i / (runs * 2);
        return { last: v, min: v - 0.1, max: v + 0.1, best: higherIsBetter ? v + 0.1 : v - 0.1, count: 10, lastStep: 9 };
      }),
      ...(higherIsBetter ? { bestIndex: 0 } : { bestIndex: runs - 1 }),
    };
  });
  return {
    runs: ids.map((id, i) => ({ id, name: `run-${i}`, source: 'mlflow', status: 'finished', starred: false, tags: i % 2 ? ['seed=1'] : ['seed=2'] })),
    params: paramRows,
    metrics: metricRows,
    environment: [{ key: 'git.commit', values: ids.map(() => 'abc'), differs: false }, { key: 'package.torch', values: ids.map((_, i) => (i ? '2.1' : '2.0')), differs: runs > 1 }],
    metricKeys: Array.from({ length: metricKeys }, (_, k) => ({ key: `m${k}`, runs: runs - (k % runs) })),
    missing: [],
    mainMetric: 'm0',
  };
}

export class FakeHost implements WebviewHost {
  readonly sent: WebviewToHost[] = [];
  saved: CompareViewState | undefined;
  constructor(private readonly initial?: unknown) {}
  postMessage(message: WebviewToHost): void {
    this.sent.push(message);
  }
  getState(): unknown {
    return this.saved ?? this.initial;
  }
  setState(state: CompareViewState): void {
    this.saved = JSON.parse(JSON.stringify(state)) as CompareViewState;
  }
  ofType<T extends WebviewToHost['type']>(type: T): Array<Extract<WebviewToHost, { type: T }>> {
    return this.sent.filter((m): m is Extract<WebviewToHost, { type: T }> => m.type === type);
  }
}

export class FakeSurface implements ChartSurface {
  readonly options: Array<Record<string, unknown>> = [];
  private clickHandler: ((runId: string) => void) | undefined;
  setOption(option: Record<string, unknown>): void {
    this.options.push(option);
  }
  onClickRun(handler: (runId: string) => void): void {
    this.clickHandler = handler;
  }
  click(runId: string): void {
    this.clickHandler?.(runId);
  }
  pngDataUrl(): string {
    return 'data:image/png;base64,iVBORw0KGgo=';
  }
  resize(): void {}
  dispose(): void {}
  get last(): Record<string, unknown> {
    return this.options.at(-1)!;
  }
}
