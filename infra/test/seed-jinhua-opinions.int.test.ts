import { consultationsSubgraph } from '@huishang/consultations';
import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { jinhuaOpinionFigures, jinhuaOpinionRecords } from '../src/index.js';

// 金华 民情一点通's history imported into the city's and the nine counties' nodes: the
// figures the seed quotes (6,437 collected, 5,444 dispatched, 5,280 closed) come back
// from the opinion index.
const regions = Object.keys(jinhuaOpinionFigures) as [string, ...string[]];
const subgraph = await startTestSubgraph(consultationsSubgraph, {
  regions,
  label: 'jinhua_opinions',
});
afterAll(subgraph.close);

const admin = (region: string): TestCaller => ({ region, roles: ['admin'] });
const importItems = `mutation($region: ID!, $items: [ImportOpinionItemInput!]!) {
  importOpinionItems(region: $region, items: $items) }`;
const index = `query($region: ID!) { opinionIndex(region: $region) { total {
  collected dispatched closed rejected closureRate satisfactionRate } } }`;

describe('importing 民情一点通 history', () => {
  it('refuses a batch with one bad record, naming it, and imports nothing', async () => {
    const records = (await jinhuaOpinionRecords('330723', [])).slice(0, 3);
    const bad = [...records.slice(0, 2), { ...records[2], place: '330102001' }];
    const refused = await subgraph.gql(
      importItems,
      { region: '330723', items: bad },
      admin('330723'),
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      reason: 'CONSULTATIONS_IMPORT_RECORD',
      fields: { index: 2 },
    });
    const staff = await subgraph.gql(
      importItems,
      { region: '330723', items: records },
      { region: '330723' },
    );
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { data } = await subgraph.gql(index, { region: '330723' }, admin('330723'));
    expect(data.opinionIndex.total.collected).toBe(0);
  });

  it('gives back 6,437 collected, 5,444 dispatched and 5,280 closed across the two levels', async () => {
    const totals = { collected: 0, dispatched: 0, closed: 0 };
    for (const region of regions) {
      const records = await jinhuaOpinionRecords(region, []);
      for (let from = 0; from < records.length; from += 1000) {
        const batch = records.slice(from, from + 1000);
        const imported = await subgraph.gql(importItems, { region, items: batch }, admin(region));
        expect(imported).toEqual({ data: { importOpinionItems: batch.length } });
      }
      const { total } = (await subgraph.gql(index, { region }, admin(region))).data.opinionIndex;
      const [collected, dispatched, closed] = jinhuaOpinionFigures[region] ?? [0, 0, 0];
      expect(total).toMatchObject({
        collected,
        dispatched,
        closed,
        rejected: collected - dispatched,
      });
      totals.collected += total.collected;
      totals.dispatched += total.dispatched;
      totals.closed += total.closed;
    }
    expect(totals).toEqual({ collected: 6437, dispatched: 5444, closed: 5280 });
    // one imported event per record, carrying its final state
    const outbox = await subgraph.outbox('330727');
    expect(outbox).toHaveLength(371);
    expect(outbox[0]?.envelope).toMatchObject({
      type: 'opinion-item.imported',
      payload: { snapshot: { region: '330727', status: 'RATED' } },
    });
  });
});
