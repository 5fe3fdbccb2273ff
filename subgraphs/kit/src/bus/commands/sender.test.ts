import { describe, expect, it } from 'vitest';
import type { RawSql, RegionClient } from '../../raw-sql.js';
import { createCommandSender } from './sender.js';

// The refusals come before any write, so a recorder of statements stands in for the
// transaction; what `sendIn` writes is tested on PostgreSQL by the consultations int tests
// (an opinion item routed up in one transaction with its command).
function recordingTransaction() {
  const statements: { sql: string; values: unknown[] }[] = [];
  const tx: RawSql = {
    async $executeRawUnsafe(sql, ...values) {
      statements.push({ sql, values });
      return 1;
    },
    $queryRawUnsafe: async () => [] as never,
  };
  return { tx, statements };
}

const sender = createCommandSender({
  identity: { subject: 'staff-330723', region: '330723', roles: ['staff'], node: '330723' },
  client: () => {
    throw new Error('sendIn uses the caller’s transaction only') as unknown as RegionClient;
  },
  subgraph: 'consultations',
  handlers: [],
  waitMs: 0,
});
const refer = (owner: string) => ({
  aggregate: 'opinion-item' as const,
  name: 'refer',
  owner,
  payload: {
    item: {
      id: '01970000-0000-7000-8000-0000000000d1',
      region: '330723',
      title: '建议完善山区县医保异地就医直接结算政策',
      body: '山区县群众异地就医报销不便。',
      category: '医疗卫生',
      place: null,
      submitterId: null,
    },
  },
});

describe('refusing a command sent in the caller’s transaction', () => {
  it('refuses a command to its own node, or across provinces, writing nothing', async () => {
    const { tx, statements } = recordingTransaction();
    await expect(sender.sendIn(tx, refer('330723'))).rejects.toThrow(/use send/);
    await expect(sender.sendIn(tx, refer('320500'))).rejects.toMatchObject({
      code: 'KIT_CROSS_PROVINCE',
    });
    expect(statements).toEqual([]);
  });
});
