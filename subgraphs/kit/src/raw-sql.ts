/**
 * Raw SQL on a region's database: its Prisma client or an interactive transaction of it, as
 * far as the kit uses either. Statements name their tables with the region schema
 * (`schemaOf`), since Prisma qualifies only its own queries.
 */
export interface RawSql {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** A region's Prisma client as far as raw SQL goes: it runs statements and transactions. */
export interface RegionClient extends RawSql {
  $transaction<R>(
    fn: (tx: RawSql) => Promise<R>,
    options?: { maxWait?: number; timeout?: number },
  ): Promise<R>;
}
