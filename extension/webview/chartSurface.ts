/** The chart library as the app uses it; ECharts in the bundle, a recorder in the component tests. */
export interface ChartSurface {
  setOption(option: Record<string, unknown>): void;
  /** Called with the run id of a clicked point, line or bar. */
  onClickRun(handler: (runId: string) => void): void;
  /** The chart as a PNG `data:` URL. */
  pngDataUrl(background: string): string;
  resize(): void;
  dispose(): void;
}

export type ChartSurfaceFactory = (container: HTMLElement) => ChartSurface;
