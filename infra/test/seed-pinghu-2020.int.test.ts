import { consultationsSubgraph } from '@huishang/consultations';
import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { pinghu2020Figures, pinghu2020Records } from '../src/index.js';

// 平湖市政协 2020: 87 consultations (6 + 36 请你来协商, 45 民生议事堂), 2,692 attendances,
// 1,237 suggestions, 918 adopted, imported as history and read back from the statistics.
const subgraph = await startTestSubgraph(consultationsSubgraph, {
  regions: ['330482', '330400'],
  label: 'pinghu_2020',
});
afterAll(subgraph.close);

const admin: TestCaller = { region: '330482', roles: ['admin'] };
const importRecords = `mutation($records: [ImportConsultationInput!]!) {
  importConsultations(records: $records) { count ids } }`;
const statistics = `{ consultationStatistics(region: "330482") { total {
  consultations participants attendedParticipants suggestions adoptedSuggestions adoptionRate
  byPlatform { platform count } byLead { lead count } } } }`;

describe('importing Pinghu’s 2020 consultations', () => {
  it('refuses a batch with one bad record, naming it, and from anyone but an admin', async () => {
    const records = (await pinghu2020Records()).slice(0, 3);
    const bad = [...records.slice(0, 2), { ...records[2], venue: '330503100' }];
    const refused = await subgraph.gql(importRecords, { records: bad }, admin);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CONSULTATIONS_IMPORT_RECORD',
      fields: { index: 2 },
    });
    const unknownTown = [records[0], { ...records[1], venue: '330482999' }];
    const unknown = await subgraph.gql(importRecords, { records: unknownTown }, admin);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      reason: 'CONSULTATIONS_IMPORT_RECORD',
      fields: { index: 1 },
    });
    const staff = await subgraph.gql(importRecords, { records }, { region: '330482' });
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const none = await subgraph.gql(statistics, {}, admin);
    expect(none.data.consultationStatistics.total.consultations).toBe(0);
    expect(await subgraph.outbox('330482')).toEqual([]);
  });

  it('gives back 87 consultations, 2,692 attendances, 1,237 suggestions and 918 adopted', async () => {
    const records = await pinghu2020Records();
    for (let from = 0; from < records.length; from += 30) {
      const batch = records.slice(from, from + 30);
      const imported = await subgraph.gql(importRecords, { records: batch }, admin);
      expect(imported.data.importConsultations.count).toBe(batch.length);
    }
    const { total } = (await subgraph.gql(statistics, {}, admin)).data.consultationStatistics;
    expect(total).toEqual({
      consultations: 87,
      participants: pinghu2020Figures.participants,
      attendedParticipants: 2692,
      suggestions: 1237,
      adoptedSuggestions: 918,
      adoptionRate: 918 / 1237,
      byPlatform: [
        { platform: 'LIVELIHOOD_HALL', count: 45 },
        { platform: 'PLEASE_COME_AND_CONSULT', count: 42 },
      ],
      byLead: [
        { lead: 'LEADERS', count: 6 },
        { lead: 'SECTORS', count: 36 },
      ],
    });
    // the period counts them by the day held: all in 2020, none in 2021 nor in its first days
    const held = (period: object) =>
      subgraph
        .gql(
          `query($period: PeriodInput) { consultationStatistics(region: "330482", period: $period) {
            total { consultations suggestions } } }`,
          { period },
          admin,
        )
        .then((r) => r.data.consultationStatistics.total);
    expect(await held({ year: 2020 })).toEqual({ consultations: 87, suggestions: 1237 });
    expect(await held({ year: 2021 })).toEqual({ consultations: 0, suggestions: 0 });
    expect(await held({ to: '2019-12-31' })).toEqual({ consultations: 0, suggestions: 0 });
    const refused = await subgraph.gql(
      `{ consultationStatistics(region: "330482", period: { term: 12 }) { total { consultations } } }`,
      {},
      admin,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      reason: 'KIT_INVALID_PERIOD',
      fields: { field: 'term' },
    });
    const plan = await subgraph.gql(
      `{ consultationPlan(region: "330482", year: 2020) { six { held } x { held } } }`,
      {},
      admin,
    );
    expect(plan.data.consultationPlan).toEqual({ six: { held: 6 }, x: { held: 36 } });

    // one consultation.imported event per record, each a closed consultation
    const events = await subgraph.outbox('330482');
    expect(events).toHaveLength(87);
    expect(new Set(events.map((e) => e.envelope.type))).toEqual(new Set(['consultation.imported']));
    // Jiaxing's replicas give the same figures
    for (const { envelope } of events) await subgraph.replicate('330400', envelope);
    const jiaxing = await subgraph.gql(
      `{ consultationStatistics(region: "330400") { total { consultations suggestions adoptedSuggestions } } }`,
      {},
      { region: '330400' },
    );
    expect(jiaxing.data.consultationStatistics.total).toEqual({
      consultations: 87,
      suggestions: 1237,
      adoptedSuggestions: 918,
    });
  });
});
