import type { Colour } from '@huishang/subgraph-kit';
import type {
  ConsultationLead,
  ConsultationPlatform,
  SupervisionStatus,
} from '../generated/prisma/enums.js';

/** One consultation's counts, as the database gives them. */
export interface ConsultationCountRow {
  region: string;
  platform: ConsultationPlatform;
  /** 6 or X, for 请你来协商. */
  lead: ConsultationLead | null;
  participants: number;
  attended: number;
  suggestions: number;
  adopted: number;
}

/** A region's consultation figures: adoption counts partly adopted suggestions, like adoptionRate. */
export function summariseConsultations(region: string, rows: ConsultationCountRow[]) {
  const sum = (pick: (r: ConsultationCountRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const suggestions = sum((r) => r.suggestions);
  const adopted = sum((r) => r.adopted);
  const platforms = new Map<ConsultationPlatform, number>();
  const leads = new Map<ConsultationLead, number>();
  for (const row of rows) {
    platforms.set(row.platform, (platforms.get(row.platform) ?? 0) + 1);
    if (row.lead) leads.set(row.lead, (leads.get(row.lead) ?? 0) + 1);
  }
  return {
    region: { code: region },
    consultations: rows.length,
    participants: sum((r) => r.participants),
    attendedParticipants: sum((r) => r.attended),
    suggestions,
    adoptedSuggestions: adopted,
    adoptionRate: suggestions ? adopted / suggestions : null,
    byPlatform: [...platforms]
      .map(([platform, count]) => ({ platform, count }))
      .toSorted((a, b) => a.platform.localeCompare(b.platform)),
    byLead: [...leads]
      .map(([lead, count]) => ({ lead, count }))
      .toSorted((a, b) => a.lead.localeCompare(b.lead)),
  };
}

/** Supervision tasks of one region in one status and colour, as the database counts them. */
export interface SupervisionCountRow {
  region: string;
  status: SupervisionStatus;
  /** As `supervisionColour` gives it on the day counted; null when closed or without a deadline. */
  colour: Colour | null;
  tasks: number;
  /** 催办 recorded on those tasks. */
  reminders: number;
}

function tally<K extends string>(entries: [K, number][]): { key: K; count: number }[] {
  const totals = new Map<K, number>();
  for (const [key, count] of entries) totals.set(key, (totals.get(key) ?? 0) + count);
  return [...totals]
    .map(([key, count]) => ({ key, count }))
    .toSorted((a, b) => a.key.localeCompare(b.key));
}

/**
 * A region's supervision figures (民主监督): tasks by step and colour, the open ones past
 * their deadline (overdue: RED, as the colour says) and the reminders sent.
 */
export function summariseSupervisionTasks(region: string, rows: SupervisionCountRow[]) {
  const coloured = rows.flatMap((r) => (r.colour ? [[r.colour, r.tasks] as [Colour, number]] : []));
  return {
    region: { code: region },
    total: rows.reduce((n, r) => n + r.tasks, 0),
    byStatus: tally(rows.map((r) => [r.status, r.tasks])).map(({ key, count }) => ({
      status: key,
      count,
    })),
    byColour: tally(coloured).map(({ key, count }) => ({ colour: key, count })),
    overdue: rows.reduce((n, r) => (r.colour === 'RED' ? n + r.tasks : n), 0),
    reminders: rows.reduce((n, r) => n + r.reminders, 0),
  };
}
