import { reportByNextLevel } from '@huishang/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { type OpinionCountRow, summariseOpinionItems } from './opinion-index.js';

const a = '01970000-0000-7000-8000-0000000000a1';
const b = '01970000-0000-7000-8000-0000000000a2';
const row = (r: Partial<OpinionCountRow>): OpinionCountRow => ({
  region: '330723',
  status: 'SUBMITTED',
  satisfaction: null,
  submitterId: null,
  items: 0,
  overdue: 0,
  ...r,
});

// 武义 and 金华市本级: 10 collected, 1 rejected, 8 dispatched, 6 closed (4 rated, 3 satisfied).
const rows = [
  row({ status: 'SUBMITTED', submitterId: a, items: 1 }),
  row({ status: 'REJECTED', submitterId: b, items: 1 }),
  row({ status: 'DISPATCHED', submitterId: a, items: 1 }),
  row({ status: 'HANDLED', submitterId: null, items: 1 }),
  row({ status: 'ANSWERED', submitterId: a, items: 2 }),
  row({ status: 'RATED', satisfaction: 'SATISFIED', submitterId: a, items: 2 }),
  row({ region: '330700', status: 'RATED', satisfaction: 'BASIC', submitterId: b, items: 1 }),
  row({ region: '330700', status: 'RATED', satisfaction: 'UNSATISFIED', submitterId: b, items: 1 }),
  row({ status: null, overdue: 1 }),
];

describe('民情指数', () => {
  it('counts collected, dispatched, closed, satisfaction, submitters and activity', () => {
    expect(summariseOpinionItems('330700', rows)).toEqual({
      region: '330700',
      collected: 10,
      rejected: 1,
      dispatched: 8,
      closed: 6,
      closureRate: 6 / 8,
      rated: 4,
      satisfactionRate: 3 / 4,
      overdue: 1,
      submitters: 2,
      activity: 9 / 2,
    });
  });

  it('groups a city’s figures by the counties below it', () => {
    const report = reportByNextLevel('330700', rows, summariseOpinionItems);
    expect(report.byRegion.map((r) => [r.region, r.collected])).toEqual([
      ['330700', 2],
      ['330723', 8],
    ]);
    expect(report.total.collected).toBe(10);
  });

  it('has no rates without items', () => {
    expect(summariseOpinionItems('330723', [])).toMatchObject({
      collected: 0,
      closureRate: null,
      satisfactionRate: null,
      activity: null,
    });
  });
});
