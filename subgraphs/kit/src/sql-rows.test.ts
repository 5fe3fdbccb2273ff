import { describe, expect, it } from 'vitest';
import { bindSchema } from './database.js';
import { columnOf, deleteRowsOf, insertRows } from './sql-rows.js';

/** A client of `proposals_330500` that records what it is asked to run. */
function recordingClient() {
  const sent: { query: string; values: unknown[] }[] = [];
  const client = bindSchema(
    {
      async $executeRawUnsafe(query: string, ...values: unknown[]) {
        sent.push({ query, values });
        return 0;
      },
    },
    'proposals_330500',
  );
  return { client, sent };
}

describe('columnOf', () => {
  it('maps a field to its snake_case column, as the schemas @map them', () => {
    expect(columnOf('id')).toBe('id');
    expect(columnOf('proposerId')).toBe('proposer_id');
    expect(columnOf('crossTermSortedIn')).toBe('cross_term_sorted_in');
  });
});

describe('insertRows', () => {
  it('writes any number of rows with one statement and one JSON parameter keyed by column', async () => {
    const { client, sent } = recordingClient();
    const at = new Date('2026-03-01T08:00:00.000Z');
    const rows = Array.from({ length: 100 }, (_, i) => ({ proposalId: `p${i}`, seq: i, at }));
    await insertRows(client, 'handling_urge', rows);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.query).toBe(
      'INSERT INTO "proposals_330500"."handling_urge" AS t ("proposal_id", "seq", "at") SELECT "proposal_id", "seq", "at" FROM jsonb_populate_recordset(NULL::"proposals_330500"."handling_urge", $1::jsonb)',
    );
    const records = JSON.parse(sent[0]?.values[0] as string);
    expect(records).toHaveLength(100);
    expect(records[7]).toEqual({ proposal_id: 'p7', seq: 7, at: '2026-03-01T08:00:00.000Z' });
  });

  it('replaces rows with the same key, setting what it is told and only where the condition holds', async () => {
    const { client, sent } = recordingClient();
    await insertRows(client, 'person', [{ id: 'a', name: '张三', version: 2 }], {
      upsert: { key: ['id'], set: { updated_at: 'now()' }, where: 't.version < EXCLUDED.version' },
    });
    expect(sent[0]?.query).toMatch(
      / ON CONFLICT \("id"\) DO UPDATE SET "name" = EXCLUDED\."name", "version" = EXCLUDED\."version", "updated_at" = now\(\) WHERE t\.version < EXCLUDED\.version$/,
    );
  });

  it('skips duplicates when asked, and sends nothing for no rows', async () => {
    const { client, sent } = recordingClient();
    await insertRows(client, 'duty_record', [{ sourceId: 'a' }], { skipDuplicates: true });
    await insertRows(client, 'duty_record', []);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.query).toMatch(/ ON CONFLICT DO NOTHING$/);
  });

  it('takes the columns of every row, leaving out only undefined fields', async () => {
    const { client, sent } = recordingClient();
    await insertRows(client, 't', [{ a: 1, b: undefined }, { c: null }]);
    expect(sent[0]?.query).toContain('("a", "c")');
  });

  it('refuses a client that no region opened', () => {
    const client = { $executeRawUnsafe: async () => 0 };
    expect(() => insertRows(client, 't', [{ a: 1 }])).toThrow(/openRegionDatabases/);
  });
});

describe('deleteRowsOf', () => {
  it('deletes the rows of all the given records in one statement', async () => {
    const { client, sent } = recordingClient();
    await deleteRowsOf(client, 'item_reply', 'proposal_id', ['a', 'b']);
    expect(sent).toEqual([
      {
        query: 'DELETE FROM "proposals_330500"."item_reply" WHERE "proposal_id" = ANY($1::uuid[])',
        values: [['a', 'b']],
      },
    ]);
  });
});
