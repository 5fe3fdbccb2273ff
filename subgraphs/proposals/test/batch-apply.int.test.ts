import type { EventEnvelope } from '@huishang/schema';
import { newId } from '@huishang/subgraph-kit';
import { isPermanent } from '@huishang/subgraph-kit/bus';
import {
  applyBatch,
  inDays,
  newestOfEach,
  replicateEvent,
  startTestSubgraph,
  type TestCaller,
  tableRows,
  writeStatements,
} from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalReplication } from '../src/events/apply.js';
import {
  type ProposalSnapshot,
  proposalRowsOf,
  proposalSnapshot,
} from '../src/events/proposal-snapshot.js';
import { proposalsSubgraph } from '../src/index.js';
import { handlingRecord, historicalRecord, importMutation } from './historical-records.js';

// Nanxun 330503 owns the proposals; Huzhou 330500 applies its events one at a time, as
// the consumer used to, and Zhejiang 330000 in batches: both must end with the owner's rows.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330503', '330500', '330000'],
  label: 'proposals_batch_apply',
});
afterAll(() => subgraph.close());
const { gql } = subgraph;
const staff: TestCaller = { region: '330503' };
const admin: TestCaller = { region: '330503', roles: ['admin'] };

/** The tables a replica keeps. */
const replicated = [
  'proposal',
  'proposal_suggestion',
  'handling_unit',
  'item_reply',
  'proposal_evaluation',
  'proposal_review',
  'key_proposal_leader',
  'handling_urge',
  'follow_up',
  'cross_term_vote',
];
const tablesOf = (region: string) => tableRows(subgraph.db(region), replicated);
const apply = (region: string, events: EventEnvelope[]) =>
  applyBatch(subgraph.db(region), proposalReplication, events);

/** The writes `write` sends. */
async function writesOf(write: () => Promise<unknown>) {
  subgraph.statements.length = 0;
  await write();
  return writeStatements(subgraph.statements);
}

let numbered = 1000;
/** `n` new proposals like `base`'s, round robin, each under its own id and number. */
const copies = (base: EventEnvelope[], n: number): EventEnvelope[] =>
  Array.from({ length: n }, (_, i) => {
    const event = base[i % base.length] as EventEnvelope;
    const id = newId();
    const rows = proposalRowsOf(event.payload.snapshot as ProposalSnapshot);
    numbered += 1;
    return {
      ...event,
      aggregate: { ...event.aggregate, id },
      payload: { snapshot: proposalSnapshot({ ...rows, id, number: numbered }) },
    };
  });

const future = inDays(60);
const lead = '德清县生态环境局';
let imported: EventEnvelope[] = [];

describe('batched proposal replicas', () => {
  it('leaves the same rows for a batch of 100 as applied one by one, and as the owner has', async () => {
    const records = Array.from({ length: 100 }, (_, i) =>
      i < 80 ? historicalRecord({ number: i + 1 }) : handlingRecord(future, { number: i + 1 }),
    );
    const rows = await subgraph.eventsOf('330503', async () => {
      const result = await gql(importMutation, { region: '330503', records }, admin);
      expect(result.errors).toBeUndefined();
    });
    imported = rows.map((r) => r.envelope);
    expect(imported).toHaveLength(100);
    for (const event of imported) expect(await subgraph.replicate('330500', event)).toBe(true);
    await apply('330000', imported);

    const owner = await tablesOf('330503');
    expect(owner.proposal).toHaveLength(100);
    expect(owner.item_reply?.length).toBeGreaterThan(0);
    expect(await tablesOf('330500')).toEqual(owner);
    expect(await tablesOf('330000')).toEqual(owner);
  });

  it('replaces the children of the records a second batch carries', async () => {
    const handling = imported.slice(80).map((e) => e.aggregate.id);
    const rows = await subgraph.eventsOf('330503', async () => {
      for (const [i, id] of handling.entries()) {
        const note = '请加快办理进度';
        expect(
          (await gql(`mutation { remindProposal(id: "${id}", note: "${note}") { id } }`, {}, staff))
            .errors,
        ).toBeUndefined();
        if (i % 2 === 0) {
          const reply = await gql(
            `mutation($id: ID!, $unit: String!, $items: [ItemReplyInput!]!) {
              replyToProposal(id: $id, unit: $unit, items: $items) { id } }`,
            {
              id,
              unit: lead,
              items: [1, 2].map((suggestionSeq) => ({
                suggestionSeq,
                outcome: 'ADOPTED',
                text: '已纳入年度重点工作。',
              })),
            },
            staff,
          );
          expect(reply.errors).toBeUndefined();
        }
      }
    });
    const events = rows.map((r) => r.envelope);
    for (const event of events) expect(await subgraph.replicate('330500', event)).toBe(true);
    await apply('330000', newestOfEach(events));

    const owner = await tablesOf('330503');
    expect(owner.handling_urge).toHaveLength(20);
    expect(await tablesOf('330500')).toEqual(owner);
    expect(await tablesOf('330000')).toEqual(owner);
  });

  it('writes a batch of 100 with the statements it writes a batch of 1 with', async () => {
    const historical = imported.slice(0, 1);
    const one = await writesOf(() => apply('330000', copies(historical, 1)));
    const hundred = await writesOf(() => apply('330000', copies(historical, 100)));
    expect(hundred).toEqual(one);
    // the upsert, the nine child tables' deletes as one statement, and the inserts into
    // the four child tables these records fill as one
    expect(one.length).toBe(1 + 1 + 1);
    expect(one.join('\n').match(/DELETE FROM/g)).toHaveLength(9);
    expect(one.join('\n').match(/INSERT INTO/g)).toHaveLength(1 + 4);
  });

  it('applies a delivered batch in a pinned number of statements', async () => {
    // As the consumer does on delivery: judged, versions claimed, prepared rows written,
    // the position stored, all in one transaction (replicateEvent, the consumer's code).
    const [event] = copies(imported.slice(0, 1), 1);
    subgraph.statements.length = 0;
    const moved = await replicateEvent(
      {
        client: subgraph.db('330000') as never,
        region: '330000',
        schema: 'proposals_330000',
        handler: proposalReplication as never,
      },
      event as EventEnvelope,
    );
    expect(moved).toBe(true);
    const begin = subgraph.statements.findIndex((s) => /^\s*BEGIN/i.test(s));
    const commit = subgraph.statements.findIndex((s) => /^\s*COMMIT/i.test(s));
    const inside = subgraph.statements.slice(begin + 1, commit);
    // the version claim, the record, its child rows deleted, its child rows inserted, the position
    expect(inside.map((s) => s.trim().split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'INSERT INTO "proposals_330000"._replica_version',
      'INSERT INTO "proposals_330000"."proposal"',
      'WITH s0 AS',
      'WITH s0 AS',
      'INSERT INTO "proposals_330000"._consumer_position',
    ]);
  });

  it('fails the batch on text PostgreSQL cannot store, a NUL character, for good', async () => {
    const snapshot = imported[0]?.payload.snapshot as ProposalSnapshot;
    const bad = {
      ...(imported[0] as EventEnvelope),
      payload: {
        snapshot: proposalSnapshot({
          ...proposalRowsOf(snapshot),
          title: 'a\u0000b',
          version: snapshot.version + 1,
        }),
      },
    };
    const failure = await apply('330000', [bad]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(String(failure)).toMatch(/22P05|\\u0000/);
    // Through Prisma's driver adapter too, the consumer knows it for a message that can
    // never apply, to be parked at once rather than retried for ever.
    expect(isPermanent(failure, { integrity: true })).toBe(true);
    const stored = await subgraph
      .db('330000')
      .proposal.findUnique({ where: { id: bad.aggregate.id } });
    expect(stored).toMatchObject({ title: snapshot.title, version: snapshot.version });
  });

  it('applies 1,000 proposal snapshots in one call (timed)', async () => {
    const thousand = copies(imported, 1000);
    const started = performance.now();
    await apply('330000', thousand);
    const ms = performance.now() - started;
    console.info(
      `applied 1,000 proposal snapshots in one call in ${ms.toFixed(0)} ms (${Math.round(1000 / (ms / 1000))} events/s)`,
    );
    const stored = await subgraph
      .db('330000')
      .proposal.count({ where: { id: { in: thousand.map((e) => e.aggregate.id) } } });
    expect(stored).toBe(1000);
  });
});
