import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { SerialClient } from '../src/database.js';
import { createTestDatabase } from '../src/testing/test-database.js';

const database = await createTestDatabase('serial_client');
const { url } = database;
afterAll(() => database.drop());

// pg warns (once per process) when a query is sent while another waits in its queue: a
// plain pg.Client sending the five queries below does; the serial client must not.
const warnings: string[] = [];
const onWarning = (warning: Error) => warnings.push(warning.message);
process.on('warning', onWarning);
afterAll(() => {
  process.off('warning', onWarning);
});

/** Five queries sent at once on one client, each answering with its own number. */
const concurrently = (client: pg.Client) =>
  Promise.all(
    [1, 2, 3, 4, 5].map((n) =>
      client.query<{ n: number }>('SELECT $1::int AS n, pg_sleep(0.01)', [n]),
    ),
  );
const overlapping = (text: string) => text.includes('already executing a query');

describe('SerialClient', () => {
  it('answers concurrent queries on one client in order, without pg’s deprecation warning', async () => {
    const client = new SerialClient({ connectionString: url });
    await client.connect();
    try {
      const results = await concurrently(client);
      expect(results.map((r) => r.rows[0]?.n)).toEqual([1, 2, 3, 4, 5]);
      // the callback form, as pg.Pool#query calls it, and a failing query in the chain
      const answers = await Promise.all(
        ['SELECT 1 AS n', 'SELECT nope', 'SELECT 3 AS n'].map(
          (text) =>
            new Promise((resolve) =>
              client.query(text, (error: Error | null, result?: pg.QueryResult) =>
                resolve(error ? 'failed' : result?.rows[0]?.n),
              ),
            ),
        ),
      );
      expect(answers).toEqual([1, 'failed', 3]);
      await expect(client.query('SELECT nope')).rejects.toThrow(/nope/);
      expect((await client.query('SELECT 4 AS n')).rows).toEqual([{ n: 4 }]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter(overlapping)).toEqual([]);
    } finally {
      await client.end();
    }
  });
});
