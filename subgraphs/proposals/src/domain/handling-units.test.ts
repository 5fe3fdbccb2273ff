import { InvalidInputError } from '@huishang/subgraph-kit';
import { describe, expect, it } from 'vitest';
import {
  HandlingUnitCycleError,
  UnitNotInDirectoryError,
  UnknownParentUnitError,
} from '../errors.js';
import {
  assertInDirectory,
  type DirectoryEntry,
  planUnitDefinition,
  rateOf,
  summariseHandlingUnits,
  type UnitCountRow,
} from './handling-units.js';

const entry = (id: string, name: string, parentId: string | null = null, region = '330503') => ({
  id,
  region,
  name,
  parentId,
});
// 区政府 ← 区住建局 ← 区住建局城建科
const directory: DirectoryEntry[] = [
  entry('g', '南浔区人民政府'),
  entry('h', '南浔区住房和城乡建设局', 'g'),
  entry('k', '南浔区住建局城建科', 'h'),
];
const define = (name: string, parentName?: string | null) =>
  planUnitDefinition(
    { region: '330503', name, kind: 'GOVERNMENT_DEPARTMENT', parentName },
    directory,
  );

describe('defining a handling unit', () => {
  it('adds a new unit under a parent of the same directory', () => {
    expect(define(' 南浔区财政局 ', '南浔区人民政府')).toEqual({
      region: '330503',
      name: '南浔区财政局',
      kind: 'GOVERNMENT_DEPARTMENT',
      id: null,
      parentId: 'g',
    });
  });

  it('defines a unit the directory has again, keeping its id', () => {
    expect(define('南浔区住建局城建科', null)).toMatchObject({ id: 'k', parentId: null });
  });

  it('refuses the unit as its own parent, or one of its sub-units as parent', () => {
    expect(() => define('南浔区人民政府', '南浔区人民政府')).toThrow(HandlingUnitCycleError);
    try {
      define('南浔区人民政府', '南浔区住建局城建科');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HandlingUnitCycleError);
      expect((error as HandlingUnitCycleError).fields).toMatchObject({
        path: ['南浔区人民政府', '南浔区住建局城建科', '南浔区住房和城乡建设局', '南浔区人民政府'],
      });
    }
  });

  it('accepts moving a unit under a unit that is not below it', () => {
    expect(define('南浔区住建局城建科', '南浔区人民政府')).toMatchObject({ parentId: 'g' });
  });

  it('refuses an unknown parent, also one of another committee, without saying whose it is', () => {
    expect(() => define('南浔区财政局', '南浔区不存在局')).toThrow(UnknownParentUnitError);
    const known = [...directory, entry('c', '湖州市财政局', null, '330500')];
    expect(() =>
      planUnitDefinition(
        { region: '330503', name: '南浔区财政局', kind: 'OTHER', parentName: '湖州市财政局' },
        known,
      ),
    ).toThrow(UnknownParentUnitError);
  });

  it('refuses an empty or too long name', () => {
    expect(() => define('  ')).toThrow(InvalidInputError);
    expect(() => define('局'.repeat(61))).toThrow(InvalidInputError);
    expect(() => define('南浔区财政局', ' ')).toThrow(InvalidInputError);
  });
});

describe('assigning against the directory', () => {
  it('accepts any name while the directory is empty, and only its names once it is not', () => {
    const units = [{ name: '南浔区农业农村局' }];
    expect(() => assertInDirectory(units, new Set(), '330503')).not.toThrow();
    expect(() => assertInDirectory(units, new Set(['南浔区农业农村局']), '330503')).not.toThrow();
    expect(() => assertInDirectory(units, new Set(['南浔区财政局']), '330503')).toThrow(
      UnitNotInDirectoryError,
    );
  });
});

const counts = (name: string, over: Partial<UnitCountRow> = {}): UnitCountRow => ({
  name,
  asLead: 0,
  asCo: 0,
  replied: 0,
  overdue: 0,
  handled: 0,
  handledDays: null,
  outcomes: { ADOPTED: 0, PARTLY_ADOPTED: 0, EXPLAINED: 0, NOT_ADOPTED: 0 },
  satisfied: 0,
  basic: 0,
  unsatisfied: 0,
  ...over,
});

describe('the league table', () => {
  it('shares out nothing as null', () => {
    expect(rateOf(0, 0)).toBeNull();
    expect(rateOf(3, 4)).toBe(0.75);
  });

  it('counts rates and days, lists directory units unassigned and names outside it', () => {
    const table = summariseHandlingUnits(
      [
        counts('南浔区农业农村局', {
          asLead: 2,
          asCo: 1,
          replied: 2,
          handled: 2,
          handledDays: 90,
          outcomes: { ADOPTED: 2, PARTLY_ADOPTED: 1, EXPLAINED: 0, NOT_ADOPTED: 1 },
          satisfied: 1,
          basic: 1,
          unsatisfied: 1,
        }),
        counts('某临时工作专班', { asLead: 1, overdue: 1 }),
      ],
      [
        { name: '南浔区农业农村局', kind: 'GOVERNMENT_DEPARTMENT', parentName: '南浔区人民政府' },
        { name: '南浔区财政局', kind: 'GOVERNMENT_DEPARTMENT', parentName: null },
        { name: '南浔区安吉路办公室', kind: 'OTHER', parentName: null },
      ],
    );
    expect(table.map((u) => u.name)).toEqual([
      '南浔区农业农村局',
      '某临时工作专班',
      // unassigned, in pinyin order: an(吉) before cai(财)
      '南浔区安吉路办公室',
      '南浔区财政局',
    ]);
    expect(table[0]).toMatchObject({
      kind: 'GOVERNMENT_DEPARTMENT',
      parentName: '南浔区人民政府',
      inDirectory: true,
      assigned: 3,
      itemsAnswered: 4,
      adoptionRate: 0.75,
      rated: 3,
      satisfactionRate: 2 / 3,
      averageHandlingDays: 45,
    });
    expect(table[1]).toMatchObject({
      kind: null,
      inDirectory: false,
      overdue: 1,
      adoptionRate: null,
      satisfactionRate: null,
      averageHandlingDays: null,
    });
    expect(table[3]?.byOutcome).toEqual([
      { outcome: 'ADOPTED', count: 0 },
      { outcome: 'PARTLY_ADOPTED', count: 0 },
      { outcome: 'EXPLAINED', count: 0 },
      { outcome: 'NOT_ADOPTED', count: 0 },
    ]);
  });
});
