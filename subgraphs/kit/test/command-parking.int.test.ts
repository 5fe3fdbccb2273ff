import { type CommandEnvelope, commandSubject } from '@huishang/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { startCommandConsumers } from '../src/bus/commands/consumers.js';
import type { CommandHandler } from '../src/bus/commands/handler.js';
import { newId } from '../src/ids.js';
import type { RawSql } from '../src/raw-sql.js';
import { createSqlClient, startBusFixture, waitUntil } from '../src/testing/index.js';

// Deqing 330521 takes reminders for its supervision tasks from the province. A hostile
// sender's notes carry NUL bytes, which JSON allows and PostgreSQL text does not: each is
// parked at once, and the commands around them are applied.
const schema = 'consultations_330521';
const bus = await startBusFixture({ schemas: [schema], label: 'command_parking' });
await bus.pool.query(`CREATE TABLE "${schema}".reminder (id uuid PRIMARY KEY, note text)`);

const remind: CommandHandler<RawSql> = {
  aggregate: 'supervision-task',
  name: 'remind',
  async execute(tx, command) {
    const { note } = command.payload as { note: string };
    await tx.$executeRawUnsafe(
      `INSERT INTO "${schema}".reminder (id, note) VALUES ($1::uuid, $2)`,
      command.id,
      note,
    );
    return { reminded: true };
  },
};
const consumers = startCommandConsumers({
  client: createSqlClient(bus.pool, schema),
  region: '330521',
  schema,
  handlers: [remind as CommandHandler],
  js: bus.js,
  log: bus.log,
});
afterAll(async () => {
  await consumers.stop();
  await bus.close();
});

const reminder = (note: string): CommandEnvelope => ({
  commandId: newId(),
  type: 'supervision-task.remind',
  schemaVersion: 1,
  issuedAt: new Date().toISOString(),
  owner: '330521',
  caller: { subject: 'staff-330000', region: '330000', roles: ['staff'], node: '330000' },
  payload: { id: newId(), note },
  trace: {},
});

const count = async (sql: string) => (await bus.pool.query(sql)).rows[0].n as number;

describe('command consumer', () => {
  it('parks a command PostgreSQL can never store, and applies the ones around it', async () => {
    const commands = Array.from({ length: 30 }, (_, i) =>
      reminder(i % 3 === 1 ? `请尽快反馈\u0000${i}` : `请于本月底前反馈整改情况（${i}）`),
    );
    for (const command of commands)
      await bus.js.publish(
        commandSubject('330521', 'supervision-task', 'remind', '330000'),
        JSON.stringify(command),
        { msgID: command.commandId },
      );
    const handled = async () =>
      (await count(`SELECT count(*)::int AS n FROM "${schema}".reminder`)) +
      (await count(`SELECT count(*)::int AS n FROM "${schema}"._dead_letter`));
    await waitUntil(async () => (await handled()) === 30, {
      what: 'every command applied or parked',
      ms: 20_000,
    });
    expect(await count(`SELECT count(*)::int AS n FROM "${schema}".reminder`)).toBe(20);
    const parked = await bus.pool.query<{ reason: string }>(
      `SELECT reason FROM "${schema}"._dead_letter ORDER BY stream_seq`,
    );
    expect(parked.rows).toHaveLength(10);
    expect(parked.rows.every((p) => p.reason.startsWith('cannot be handled:'))).toBe(true);
    // Nothing is left to be redelivered: every message was acknowledged.
    const info = await bus.jsm.consumers.info(
      'CPPCC_CMD_330000',
      `${schema}-commands-supervision-task`,
    );
    expect(info.num_pending + info.num_ack_pending).toBe(0);
  });
});
