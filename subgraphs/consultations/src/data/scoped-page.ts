import { type RegionScope, regionWhere } from '@huishang/subgraph-kit';

/**
 * The arguments of a page of records owned in a region (or its subtree), newest first, for
 * any of this subgraph's aggregates: `filter` adds the list's own conditions.
 */
export function scopedPage<W extends object>(
  scope: RegionScope,
  filter: W,
  idBefore: { lt: string } | undefined,
  take: number,
) {
  return {
    where: { ...scopedWhere(scope, filter), ...(idBefore ? { id: idBefore } : {}) },
    orderBy: { id: 'desc' as const },
    take,
  };
}

export const scopedWhere = <W extends object>(scope: RegionScope, filter: W) => ({
  ...regionWhere(scope.region, scope.includeSubregions),
  ...filter,
});
