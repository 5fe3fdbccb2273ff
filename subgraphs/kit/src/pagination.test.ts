import { describe, expect, it } from 'vitest';
import { BadPageError } from './errors.js';
import { encodeCursor, listConnection, parsePage, toConnection } from './pagination.js';

describe('pagination', () => {
  it('defaults to 20 rows and decodes a cursor we issued', () => {
    expect(parsePage({})).toEqual({ take: 20, beforeId: undefined });
    expect(parsePage({ first: 5, after: encodeCursor('abc') })).toEqual({
      take: 5,
      beforeId: 'abc',
    });
  });

  it('refuses a page over 100 rows, under 1, or a forged cursor', () => {
    expect(() => parsePage({ first: 101 })).toThrow(BadPageError);
    expect(() => parsePage({ first: 0 })).toThrow(BadPageError);
    expect(() => parsePage({ after: 'bm9wZQ' })).toThrow(BadPageError);
  });

  it('tells whether another page follows from the extra row', () => {
    const rows = [{ id: 'c' }, { id: 'b' }, { id: 'a' }];
    const connection = toConnection(rows, { take: 2, beforeId: undefined }, 3);
    expect(connection.edges.map((e) => e.node.id)).toEqual(['c', 'b']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('b') });
  });

  it('pages a list sorted in memory by the key of the last item shown', () => {
    const items = ['甲', '乙', '丙'].map((name) => ({ name }));
    const first = listConnection(items, { first: 2 }, (i) => i.name);
    expect(first.edges.map((e) => e.node.name)).toEqual(['甲', '乙']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('乙') });
    const next = listConnection(
      items,
      { first: 2, after: first.pageInfo.endCursor },
      (i) => i.name,
    );
    expect(next.edges.map((e) => e.node.name)).toEqual(['丙']);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(() => listConnection(items, { after: encodeCursor('丁') }, (i) => i.name)).toThrow(
      BadPageError,
    );
  });
});
