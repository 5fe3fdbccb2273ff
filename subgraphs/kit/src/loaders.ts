import DataLoader from 'dataloader';

/**
 * Batches lookups by id into one query per tick: entity references from the gateway
 * arrive as one `_entities` call, so N references cost one database query.
 */
export function createByIdLoader<T extends { id: string }>(
  fetch: (ids: string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await fetch([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Batches lookups whose answer per key comes back as a map (counts per member, groups per
 * member); a key the map lacks gets `missing`.
 */
export function createMapLoader<V>(
  fetch: (keys: string[]) => Promise<Map<string, V>>,
  missing: V,
): DataLoader<string, V> {
  return new DataLoader(async (keys) => {
    const found = await fetch([...keys]);
    return keys.map((key) => found.get(key) ?? missing);
  });
}
