import { describe, expect, it } from 'vitest';
import { matchShapes, type ShapeFeature, simplify } from './geo.js';

const square = (x: number): ShapeFeature['geometry'] => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 30],
      [x + 0.1, 30],
      [x + 0.1, 30.1],
      [x, 30.1],
      [x, 30],
    ],
  ],
});
const shape = (id: string, name: string, x = 120): ShapeFeature => ({
  type: 'Feature',
  id,
  properties: { name },
  geometry: square(x),
});

describe('matchShapes', () => {
  const counties = [
    { code: '330102', name: '上城区' },
    { code: '330112', name: '临安区' },
    { code: '330113', name: '临平区' },
  ];

  it('ties outlines by code, by name, and by name without 县/市/区, and reports the rest', () => {
    const { features, report } = matchShapes(
      [shape('330102', '上城区'), shape('330185', '临安市'), shape('330103', '下城区')],
      counties,
    );
    expect(features.map((f) => f.properties)).toEqual([
      { code: '330102', name: '上城区' },
      { code: '330112', name: '临安区' },
    ]);
    expect(report).toEqual({
      matched: 2,
      unmatchedShapes: [{ id: '330103', name: '下城区' }],
      countiesWithoutShape: [{ code: '330113', name: '临平区' }],
    });
  });

  it('ties one outline to a county at most', () => {
    const { report } = matchShapes([shape('330102', '上城区'), shape('', '上城区')], counties);
    expect(report.matched).toBe(1);
    expect(report.unmatchedShapes).toEqual([{ id: '', name: '上城区' }]);
  });
});

describe('simplify', () => {
  it('rounds coordinates and drops the points that then repeat', () => {
    const ring = [
      [120.0001, 30.0001],
      [120.0002, 30.0002],
      [120.1, 30],
      [120.1, 30.1],
      [120, 30.1],
      [120.0001, 30.0001],
    ];
    expect(simplify({ type: 'Polygon', coordinates: [ring] }, 2)).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [120, 30],
          [120.1, 30],
          [120.1, 30.1],
          [120, 30.1],
          [120, 30],
        ],
      ],
    });
  });

  it('keeps an islet that rounding would collapse as it was', () => {
    const islet = [
      [121.0001, 29.0001],
      [121.0002, 29.0001],
      [121.0002, 29.0002],
      [121.0001, 29.0001],
    ];
    const kept = simplify({ type: 'MultiPolygon', coordinates: [[islet]] }, 2);
    expect(kept.coordinates).toEqual([[islet]]);
  });
});
