// ECharts behind ChartSurface, with only the chart types and components the panel draws.
import { BarChart, LineChart, ParallelChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, ParallelComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartSurface } from './chartSurface';

echarts.use([LineChart, ScatterChart, ParallelChart, BarChart, GridComponent, LegendComponent, ParallelComponent, TooltipComponent, CanvasRenderer]);

export function echartsSurface(container: HTMLElement): ChartSurface {
  const chart = echarts.init(container, undefined, { renderer: 'canvas' });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(container);
  return {
    setOption: (option) => chart.setOption(option, { notMerge: true }),
    onClickRun: (handler) => {
      chart.on('click', (params) => {
        const data = params.data as { runId?: unknown } | undefined;
        const runId = typeof data?.runId === 'string' ? data.runId : typeof params.seriesId === 'string' && params.seriesType === 'line' ? params.seriesId : undefined;
        // Selecting redraws the chart; doing that inside ECharts' own event dispatch confuses its later events.
        if (runId) setTimeout(() => handler(runId), 0);
      });
    },
    pngDataUrl: (background) => chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: background }),
    resize: () => chart.resize(),
    dispose: () => {
      observer.disconnect();
      chart.dispose();
    },
  };
}
