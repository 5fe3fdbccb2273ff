import { BadPageError } from './errors.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page {
  /** Rows to show. */
  take: number;
  /** Only rows whose id sorts before this (ids are UUIDv7, so newest first). */
  beforeId: string | undefined;
}

export const defaultPageSize = 20;
export const maxPageSize = 100;

const prefix = 'v1:';
export const encodeCursor = (id: string) => Buffer.from(prefix + id).toString('base64url');

function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!raw.startsWith(prefix))
    throw new BadPageError(`无效的游标 / invalid cursor: ${cursor}`, { after: cursor });
  return raw.slice(prefix.length);
}

/** Validates Relay arguments: `first` within 1..100, `after` a cursor we issued. */
export function parsePage(args: PageArgs): Page {
  const take = args.first ?? defaultPageSize;
  if (!Number.isInteger(take) || take < 1 || take > maxPageSize) {
    throw new BadPageError(
      `first 须在 1 到 ${maxPageSize} 之间 / first must be 1..${maxPageSize}`,
      {
        first: args.first,
        max: maxPageSize,
      },
    );
  }
  return { take, beforeId: args.after ? decodeCursor(args.after) : undefined };
}

export interface Connection<T> {
  totalCount: number;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Builds a connection from up to `take + 1` rows fetched newest first. */
export function toConnection<T extends { id: string }>(
  rows: T[],
  page: Page,
  totalCount: number,
): Connection<T> {
  const shown = rows.slice(0, page.take);
  const edges = shown.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage: rows.length > page.take, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/**
 * A page of a list already sorted in memory (a ranking): the cursor is the key of the last
 * item shown; a key no longer in the list is a bad cursor.
 */
export function listConnection<T>(
  items: T[],
  args: PageArgs,
  keyOf: (item: T) => string,
): Connection<T> {
  const page = parsePage(args);
  const start =
    page.beforeId === undefined ? 0 : items.findIndex((i) => keyOf(i) === page.beforeId) + 1;
  if (start === 0 && page.beforeId !== undefined)
    throw new BadPageError(`游标已失效 / the cursor is no longer in the list`, {
      after: args.after,
    });
  const shown = items.slice(start, start + page.take);
  const edges = shown.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    totalCount: items.length,
    edges,
    pageInfo: {
      hasNextPage: start + page.take < items.length,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
