import { describe, expect, it } from 'vitest';
import { type ProposalCountRow, summariseProposals } from './statistics.js';

describe('proposal statistics', () => {
  it('counts by status and category, counts colours, and rates satisfaction', () => {
    const rows: ProposalCountRow[] = [
      { region: '330503', kind: 'status', status: 'ASSIGNED', count: 3 },
      { region: '330503', kind: 'status', status: 'EVALUATED', count: 1 },
      { region: '330503', kind: 'status', status: 'SUBMITTED', count: 2 },
      { region: '330503', kind: 'category', category: 'ECONOMY', count: 4 },
      { region: '330503', kind: 'category', category: 'GENERAL', count: 2 },
      { region: '330503', kind: 'colour', colour: 'RED', count: 1 },
      { region: '330503', kind: 'colour', colour: 'YELLOW', count: 1 },
      { region: '330503', kind: 'colour', colour: 'GREEN', count: 1 },
      // a second row of the same colour adds to it
      { region: '330503', kind: 'colour', colour: 'YELLOW', count: 1 },
      // three replied in 60, 70 and 95 days; one more under the same region in 75
      { region: '330503', kind: 'handled', count: 3, days: 225 },
      { region: '330503', kind: 'handled', count: 1, days: 75 },
      { region: '330503', kind: 'rating', rating: 'SATISFIED', count: 2 },
      { region: '330503', kind: 'rating', rating: 'BASIC', count: 1 },
      { region: '330503', kind: 'rating', rating: 'UNSATISFIED', count: 1 },
      { region: '330503', kind: 'crossTerm', outcome: 'DONE', count: 4 },
      { region: '330503', kind: 'crossTerm', outcome: 'HARD_FOR_NOW', count: 1 },
    ];
    expect(summariseProposals('330503', rows)).toEqual({
      region: { code: '330503' },
      total: 6,
      byStatus: [
        { status: 'ASSIGNED', count: 3 },
        { status: 'EVALUATED', count: 1 },
        { status: 'SUBMITTED', count: 2 },
      ],
      byCategory: [
        { category: 'ECONOMY', count: 4 },
        { category: 'GENERAL', count: 2 },
      ],
      byColour: [
        { colour: 'GREEN', count: 1 },
        { colour: 'RED', count: 1 },
        { colour: 'YELLOW', count: 2 },
      ],
      averageHandlingDays: 75,
      satisfactionRate: 0.75,
      byCrossTermOutcome: [
        { outcome: 'DONE', count: 4 },
        { outcome: 'HARD_FOR_NOW', count: 1 },
      ],
    });
  });

  it('has no rates without data', () => {
    expect(summariseProposals('330500', [])).toMatchObject({
      total: 0,
      averageHandlingDays: null,
      satisfactionRate: null,
    });
  });
});
