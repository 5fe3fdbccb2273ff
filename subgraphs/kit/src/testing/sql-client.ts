import type pg from 'pg';
import type { RawSql, RegionClient } from '../raw-sql.js';

const over = (db: pg.Pool | pg.PoolClient): RawSql => ({
  $executeRawUnsafe: async (query, ...values) => (await db.query(query, values)).rowCount ?? 0,
  $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) =>
    (await db.query(query, values)).rows as T,
});

/**
 * The raw-SQL and interactive-transaction surface of a Prisma client, over pg: for the
 * kit's own tests of the bus, which has no generated Prisma client to run against. Like a
 * region's client, its transactions resolve unqualified tables in `schema`.
 */
export function createSqlClient(
  pool: pg.Pool,
  schema?: string,
): RegionClient & { $disconnect(): Promise<void> } {
  return {
    ...over(pool),
    async $transaction(fn) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        if (schema) await connection.query(`SET LOCAL search_path TO "${schema}"`);
        const result = await fn(over(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    $disconnect: async () => undefined,
  };
}
