import { BarChart, MapChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the chart kinds the panels draw, so the bundle stays small.
echarts.use([
  BarChart,
  MapChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };

const live = new Set<echarts.ECharts>();

/** A chart in `element`; `disposeCharts` frees every chart before a view is drawn again. */
export function chart(element: HTMLElement, option: echarts.EChartsCoreOption): echarts.ECharts {
  const instance = echarts.init(element, undefined, { renderer: 'canvas' });
  instance.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option });
  live.add(instance);
  return instance;
}

export function disposeCharts(): void {
  for (const instance of live) instance.dispose();
  live.clear();
}

addEventListener('resize', () => {
  for (const instance of live) instance.resize();
});

export interface Slice {
  name: string;
  value: number;
  colour?: string;
}

export const pieOption = (slices: Slice[]): echarts.EChartsCoreOption => ({
  tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
  legend: { type: 'scroll', bottom: 0 },
  series: [
    {
      type: 'pie',
      radius: ['35%', '65%'],
      center: ['50%', '45%'],
      label: { formatter: '{b}\n{c}' },
      data: slices.map((s) => ({
        name: s.name,
        value: s.value,
        ...(s.colour && { itemStyle: { color: s.colour } }),
      })),
    },
  ],
});

/** Bars by category; `stacks` draws one series each (e.g. green, yellow, red). */
export const barOption = (
  categories: string[],
  stacks: { name: string; values: number[]; colour?: string }[],
  horizontal = false,
): echarts.EChartsCoreOption => {
  const categoryAxis = {
    type: 'category',
    data: categories,
    axisLabel: { interval: 0, rotate: horizontal || categories.length < 7 ? 0 : 40 },
  };
  const valueAxis = { type: 'value', minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: stacks.length > 1 ? { bottom: 0 } : undefined,
    grid: { left: 8, right: 16, top: 16, bottom: stacks.length > 1 ? 40 : 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: stacks.map((s) => ({
      type: 'bar',
      name: s.name,
      stack: stacks.length > 1 ? 'all' : undefined,
      data: s.values,
      ...(s.colour && { itemStyle: { color: s.colour } }),
    })),
  };
};
