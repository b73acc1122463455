// The compare panel's data from the golden samples the C# server wrote, with the requests recorded.
import type {
  Annotation, CompareParams, CompareResult, MetricSeriesParams, MetricSeriesResult, SetAnnotationParams,
} from '../../../protocol';
import compareGolden from '../../../protocol/__golden__/compareResult.json';
import seriesGolden from '../../../protocol/__golden__/metricSeriesResult.json';
import type { CompareSource } from '../compareSource';

export class FakeCompareSource implements CompareSource {
  readonly compares: CompareParams[] = [];
  readonly seriesRequests: MetricSeriesParams[] = [];
  readonly annotations: SetAnnotationParams[] = [];
  failWith: Error | undefined;

  async compare(params: CompareParams): Promise<CompareResult> {
    this.compares.push(params);
    if (this.failWith) throw this.failWith;
    return compareGolden as CompareResult;
  }

  async metricSeries(params: MetricSeriesParams): Promise<MetricSeriesResult> {
    this.seriesRequests.push(params);
    return seriesGolden as MetricSeriesResult;
  }

  async setAnnotation(params: SetAnnotationParams): Promise<Annotation> {
    this.annotations.push(params);
    return { runId: params.runId, starred: params.starred ?? false, tags: [] };
  }
}

/** Resolves when `condition` holds, polling; fails after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
