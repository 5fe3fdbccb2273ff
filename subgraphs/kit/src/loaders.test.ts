import { describe, expect, it } from 'vitest';
import { createByIdLoader, createMapLoader } from './loaders.js';

describe('loaders', () => {
  it('batch lookups by id into one fetch, a missing id giving null', async () => {
    const fetched: string[][] = [];
    const loader = createByIdLoader(async (ids) => {
      fetched.push(ids);
      return ids.filter((id) => id !== 'x').map((id) => ({ id }));
    });
    expect(await Promise.all(['a', 'x', 'b'].map((id) => loader.load(id)))).toEqual([
      { id: 'a' },
      null,
      { id: 'b' },
    ]);
    expect(fetched).toEqual([['a', 'x', 'b']]);
  });

  it('batch lookups answered as a map, a key it lacks getting the fallback', async () => {
    const fetched: string[][] = [];
    const loader = createMapLoader(async (keys) => {
      fetched.push(keys);
      return new Map([['沈丽华', 3]]);
    }, 0);
    expect(await Promise.all([loader.load('沈丽华'), loader.load('钱志明')])).toEqual([3, 0]);
    expect(fetched).toEqual([['沈丽华', '钱志明']]);
  });
});
