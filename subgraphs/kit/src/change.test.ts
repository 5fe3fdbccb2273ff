import { describe, expect, it } from 'vitest';
import { changeVersioned, type VersionedTable, versionedTable } from './change.js';
import { NotFoundError, VersionConflictError } from './errors.js';

interface Row {
  id: string;
  version: number;
  status: string;
}

/** A table in memory standing for the transaction, counting the statements it is sent. */
function memoryTable(rows: Row[]) {
  const sent: string[] = [];
  const table: VersionedTable<Row[], Row, Partial<Row>> = {
    entity: 'Thing',
    async lock(tx, id) {
      sent.push('lock');
      const row = tx.find((r) => r.id === id);
      if (row) row.version += 1;
      return row && { ...row };
    },
    async update(tx, id, fields) {
      sent.push('update');
      const row = tx.find((r) => r.id === id) as Row;
      Object.assign(row, fields);
      return { ...row };
    },
  };
  return { table, sent, rows };
}

const recorded = async (_: Row[], row: Row, added: string[] | undefined) => ({ row, added });

describe('changeVersioned', () => {
  it('locks, writes the planned fields and the added rows, and records from what they returned', async () => {
    const { table, sent, rows } = memoryTable([{ id: 'a', version: 3, status: 'OPEN' }]);
    const result = await changeVersioned(rows, table, {
      id: 'a',
      readAt: 3,
      plan: () => ({ fields: { status: 'CLOSED' }, add: async () => ['note'] }),
      record: recorded,
    });
    expect(result).toEqual({ row: { id: 'a', version: 4, status: 'CLOSED' }, added: ['note'] });
    expect(sent).toEqual(['lock', 'update']);
  });

  it('writes no fields when the plan has none: the lock is the only statement on the row', async () => {
    const { table, sent, rows } = memoryTable([{ id: 'a', version: 1, status: 'OPEN' }]);
    const result = await changeVersioned(rows, table, {
      id: 'a',
      readAt: 1,
      plan: () => ({ fields: {} }),
      record: recorded,
    });
    expect(result.row).toEqual({ id: 'a', version: 2, status: 'OPEN' });
    expect(sent).toEqual(['lock']);
  });

  it('refuses a change planned on an older version, naming the version the record has', async () => {
    const { table, sent, rows } = memoryTable([{ id: 'a', version: 5, status: 'OPEN' }]);
    const stale = changeVersioned(rows, table, {
      id: 'a',
      readAt: 4,
      plan: () => ({ fields: { status: 'CLOSED' } }),
      record: recorded,
    });
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({
      fields: { entity: 'Thing', id: 'a', expected: 4, actual: 5 },
    });
    expect(sent).toEqual(['lock']);
  });

  it('plans on the locked row when the caller read nothing, and lets the plan refuse first', async () => {
    const { table, rows } = memoryTable([{ id: 'a', version: 2, status: 'DONE' }]);
    const seen: Row[] = [];
    await changeVersioned(rows, table, {
      id: 'a',
      plan: (locked) => {
        seen.push(locked);
        return {};
      },
      record: recorded,
    });
    expect(seen).toEqual([{ id: 'a', version: 3, status: 'DONE' }]);
    const refused = changeVersioned(rows, table, {
      id: 'a',
      readAt: 1,
      plan: (locked) => {
        throw new Error(`already ${locked.status}`);
      },
      record: recorded,
    });
    await expect(refused).rejects.toThrow('already DONE');
  });

  it('answers a missing record as not found, or as a conflict when a version was read', async () => {
    const { table, rows } = memoryTable([]);
    const change = { id: 'b', plan: () => ({}), record: recorded };
    await expect(changeVersioned(rows, table, change)).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeVersioned(rows, table, { ...change, readAt: 1 })).rejects.toMatchObject({
      fields: { expected: 1, actual: 0 },
    });
  });

  it('reaches a Prisma model by its delegate: the lock moves the version, the update writes the fields', async () => {
    const calls: unknown[] = [];
    const delegate = {
      updateManyAndReturn: async (args: unknown) => {
        calls.push(args);
        return [{ id: 'a', version: 2, status: 'OPEN' }];
      },
      update: async (args: { data: Partial<Row> }) => {
        calls.push(args);
        return { id: 'a', version: 2, status: 'OPEN', ...args.data };
      },
    };
    const table = versionedTable('Thing', (_: null) => delegate);
    const result = await changeVersioned(null, table, {
      id: 'a',
      readAt: 1,
      plan: () => ({ fields: { status: 'CLOSED' } }),
      record: async (_, row) => row,
    });
    expect(result).toEqual({ id: 'a', version: 2, status: 'CLOSED' });
    expect(calls).toEqual([
      { where: { id: 'a' }, data: { version: { increment: 1 } } },
      { where: { id: 'a' }, data: { status: 'CLOSED' } },
    ]);
  });
});
