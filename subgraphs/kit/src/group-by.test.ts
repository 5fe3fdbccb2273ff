import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('groups rows by key, keeping their order', () => {
    const rows = [
      { parent: 'a', n: 1 },
      { parent: 'b', n: 2 },
      { parent: 'a', n: 3 },
    ];
    const groups = groupBy(rows, (row) => row.parent);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')?.map((row) => row.n)).toEqual([1, 3]);
    expect(groups.get('b')?.map((row) => row.n)).toEqual([2]);
    expect(groupBy([], () => 'x').size).toBe(0);
  });
});
