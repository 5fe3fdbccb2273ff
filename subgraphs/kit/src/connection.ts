import { type Connection, type PageArgs, parsePage, toConnection } from './pagination.js';

/**
 * Runs a page query and its count together. `fetch` gets the id bound of the cursor and
 * how many rows to read (one more than shown, to know whether there is a next page).
 */
export async function fetchConnection<T extends { id: string }>(
  args: PageArgs,
  fetch: (idBefore: { lt: string } | undefined, take: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Connection<T>> {
  const page = parsePage(args);
  const [rows, totalCount] = await Promise.all([
    fetch(page.beforeId ? { lt: page.beforeId } : undefined, page.take + 1),
    count(),
  ]);
  return toConnection(rows, page, totalCount);
}
