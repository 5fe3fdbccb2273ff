import { describe, expect, it } from 'vitest';
import { UnknownRegionError } from './errors.js';
import {
  ancestorsOf,
  childrenOf,
  findRegion,
  getCommitteeRegion,
  getRegion,
  isWithin,
  nextLevelUnder,
  subtreePrefix,
} from './regions.js';

describe('region registry', () => {
  it('knows Nanxun as a county of Huzhou in Zhejiang', async () => {
    expect(await getRegion('330503')).toEqual({
      code: '330503',
      name: '南浔区',
      level: 'COUNTY',
      parentCode: '330500',
    });
    expect((await ancestorsOf('330503')).map((r) => r.name)).toEqual(['浙江省', '湖州市']);
  });

  it('lists Zhejiang’s 11 cities and 90 county-level units', async () => {
    const cities = await childrenOf('330000');
    expect(cities).toHaveLength(11);
    const counties = (await Promise.all(cities.map((c) => childrenOf(c.code)))).flat();
    expect(counties).toHaveLength(90);
  });

  it('hangs a municipality’s districts directly off the province', async () => {
    expect(getCommitteeRegion('310116')).toMatchObject({ name: '金山区', parentCode: '310000' });
    expect(isWithin('310116', '310000')).toBe(true);
  });

  it('loads towns and villages on demand', async () => {
    expect(await getRegion('330482106')).toMatchObject({
      name: '广陈镇',
      level: 'TOWN',
      parentCode: '330482',
    });
    const villages = await childrenOf('330482106');
    expect(villages.length).toBeGreaterThan(5);
    expect(villages.every((v) => v.level === 'VILLAGE' && v.parentCode === '330482106')).toBe(true);
  });

  it('refuses an unknown code with BAD_USER_INPUT', async () => {
    await expect(getRegion('339999')).rejects.toBeInstanceOf(UnknownRegionError);
    await expect(getRegion('not-a-code')).rejects.toMatchObject({
      category: 'BAD_USER_INPUT',
      code: 'SCHEMA_UNKNOWN_REGION',
    });
    expect(() => getCommitteeRegion('330482106')).toThrow(UnknownRegionError);
  });

  it('answers a village under an unknown county or town as unknown, reading nothing', async () => {
    const started = performance.now();
    const unknown = await Promise.all(
      Array.from({ length: 200 }, (_, i) => findRegion(`99${String(i).padStart(4, '0')}001001`)),
    );
    expect(unknown.every((region) => region === undefined)).toBe(true);
    expect(await findRegion('330482999001')).toBeUndefined();
    // 200 unseen prefixes used to stream the 37 MB villages file 200 times
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('reads each county’s villages once, for any number of askers at a time', async () => {
    const [first, ...rest] = await Promise.all(
      Array.from({ length: 20 }, () => childrenOf('330503101')),
    );
    expect(first?.length).toBeGreaterThan(5);
    for (const villages of rest) expect(villages).toEqual(first);
    const village = first?.[0];
    expect(await findRegion(village?.code ?? '')).toEqual(village);
  });

  it('tells whether one region lies within another', () => {
    expect(isWithin('330503', '330000')).toBe(true);
    expect(isWithin('330503', '330500')).toBe(true);
    expect(isWithin('330482106', '330482')).toBe(true);
    expect(isWithin('320509', '330000')).toBe(false);
    expect(isWithin('330500', '330503')).toBe(false);
  });
});

describe('subtrees', () => {
  it('share a code prefix', () => {
    expect(subtreePrefix('330000')).toBe('33');
    expect(subtreePrefix('330500')).toBe('3305');
    expect(subtreePrefix('330503')).toBe('330503');
  });

  it('group a record under the region one level down', () => {
    expect(nextLevelUnder('330503', '330000')).toBe('330500');
    expect(nextLevelUnder('330500', '330000')).toBe('330500');
    expect(nextLevelUnder('330000', '330000')).toBe('330000');
    expect(nextLevelUnder('330503', '330500')).toBe('330503');
    expect(nextLevelUnder('310116', '310000')).toBe('310116');
  });
});
