import type { Colour } from '@huishang/subgraph-kit';
import type {
  CrossTermOutcome,
  ProposalCategory,
  ProposalStatus,
  Satisfaction,
} from '../generated/prisma/enums.js';

/** One row of counts from the database, for one owner region. */
export type ProposalCountRow =
  | { region: string; kind: 'status'; status: ProposalStatus; count: number }
  | { region: string; kind: 'category'; category: ProposalCategory; count: number }
  /** Proposals under handling of one colour on the day read. */
  | { region: string; kind: 'colour'; colour: Colour; count: number }
  /** `count` proposals replied, `days` from assignment to reply summed over them. */
  | { region: string; kind: 'handled'; count: number; days: number }
  | { region: string; kind: 'crossTerm'; outcome: CrossTermOutcome; count: number }
  | { region: string; kind: 'rating'; rating: Satisfaction; count: number };

export interface ProposalStatistics {
  region: { code: string };
  total: number;
  byStatus: { status: ProposalStatus; count: number }[];
  byCategory: { category: ProposalCategory; count: number }[];
  byColour: { colour: Colour; count: number }[];
  averageHandlingDays: number | null;
  satisfactionRate: number | null;
  /** 跨届梳理 outcomes of proposals sorted at a later term. */
  byCrossTermOutcome: { outcome: CrossTermOutcome; count: number }[];
}

function tally<K extends string>(entries: [K, number][]): { key: K; count: number }[] {
  const totals = new Map<K, number>();
  for (const [key, count] of entries) totals.set(key, (totals.get(key) ?? 0) + count);
  return [...totals]
    .map(([key, count]) => ({ key, count }))
    .toSorted((a, b) => a.key.localeCompare(b.key));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A region's figures from its rows (their colours are the day's they were read on). */
export function summariseProposals(region: string, rows: ProposalCountRow[]): ProposalStatistics {
  const statusRows = rows.filter((r) => r.kind === 'status');
  const ratings = rows.filter((r) => r.kind === 'rating');
  const handled = rows.filter((r) => r.kind === 'handled');
  const handledCount = sum(handled.map((r) => r.count));
  const ratingCount = sum(ratings.map((r) => r.count));
  return {
    region: { code: region },
    total: statusRows.reduce((n, r) => n + r.count, 0),
    byStatus: tally(statusRows.map((r) => [r.status, r.count])).map(({ key, count }) => ({
      status: key,
      count,
    })),
    byCategory: tally(
      rows.flatMap((r) => (r.kind === 'category' ? [[r.category, r.count] as const] : [])),
    ).map(({ key, count }) => ({ category: key, count })),
    byColour: tally(
      rows.flatMap((r) => (r.kind === 'colour' ? [[r.colour, r.count] as const] : [])),
    ).map(({ key, count }) => ({ colour: key, count })),
    averageHandlingDays: handledCount ? sum(handled.map((r) => r.days)) / handledCount : null,
    byCrossTermOutcome: tally(
      rows.flatMap((r) => (r.kind === 'crossTerm' ? [[r.outcome, r.count] as const] : [])),
    ).map(({ key, count }) => ({ outcome: key, count })),
    satisfactionRate: ratingCount
      ? sum(ratings.filter((r) => r.rating !== 'UNSATISFIED').map((r) => r.count)) / ratingCount
      : null,
  };
}
