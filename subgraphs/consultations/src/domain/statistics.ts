import type { ConsultationLead, ConsultationPlatform } from '../generated/prisma/enums.js';

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
