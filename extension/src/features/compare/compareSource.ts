import type { Annotation, CompareParams, CompareResult, MetricSeriesParams, MetricSeriesResult, SetAnnotationParams } from '../../protocol';

/** Where the compare panel's data comes from: the language server in the extension, fixtures in tests. */
export interface CompareSource {
  compare(params: CompareParams): Promise<CompareResult>;
  metricSeries(params: MetricSeriesParams): Promise<MetricSeriesResult>;
  setAnnotation(params: SetAnnotationParams): Promise<Annotation>;
}
