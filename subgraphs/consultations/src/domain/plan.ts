import type { ConsultationLead } from '../generated/prisma/enums.js';

/**
 * 6+X plan against what was held: planned counts the approved topics of the year by lead,
 * held the consultations held that year by lead (imported ones included).
 */
export function planProgress(
  planned: readonly { lead: ConsultationLead | null }[],
  held: readonly { lead: ConsultationLead | null }[],
) {
  const count = (rows: readonly { lead: ConsultationLead | null }[], lead: ConsultationLead) =>
    rows.filter((r) => r.lead === lead).length;
  return {
    six: { planned: count(planned, 'LEADERS'), held: count(held, 'LEADERS') },
    x: { planned: count(planned, 'SECTORS'), held: count(held, 'SECTORS') },
  };
}
