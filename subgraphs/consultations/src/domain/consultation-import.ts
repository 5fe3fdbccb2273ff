import type { Region } from '@huishang/schema';
import { InvalidInputError } from '@huishang/subgraph-kit';
import { PlanLeadError } from '../errors.js';
import type { Adoption, ConsultationLead } from '../generated/prisma/enums.js';
import { type ConsultationInput, normaliseNewConsultation } from './consultation-input.js';
import { normaliseBatch } from './import-batch.js';
import { normaliseParticipants, type ParticipantInput } from './participants.js';
import { normaliseSuggestions, type SuggestionInput } from './suggestions.js';

export interface ImportConsultationInput extends ConsultationInput {
  region: string;
  venue?: string | null;
  lead?: ConsultationLead | null;
  heldOn: string;
  participants: ParticipantInput[];
  suggestions: (SuggestionInput & { adoption: Adoption })[];
}

/** A consultation migrated from a committee's earlier system, closed, as stored. */
export type ImportedConsultation = ReturnType<typeof normaliseImportRecord>;

function normaliseImportRecord(
  record: ImportConsultationInput,
  region: string,
  venue: Region | null,
) {
  if (record.region !== region)
    throw new InvalidInputError('region', `只能导入本会记录 ${region} / only ${region}'s records`);
  const lead = record.lead ?? null;
  if ((record.platform === 'PLEASE_COME_AND_CONSULT') !== (lead !== null))
    throw new PlanLeadError(record.platform);
  const suggestions = record.suggestions.length ? normaliseSuggestions(record.suggestions) : [];
  return {
    region,
    ...normaliseNewConsultation(region, record, venue),
    lead,
    stage: 'CLOSED' as const,
    participants: record.participants.length ? normaliseParticipants(record.participants) : [],
    suggestions: suggestions.map((s, i) => ({
      ...s,
      adoption: record.suggestions[i]?.adoption ?? 'PENDING',
    })),
  };
}

/**
 * Checks a batch of historical records as a whole: at most 1000, and any bad record
 * refuses the batch with its index and reason. `venues` are the registry's regions for
 * each record's venue code, looked up beforehand.
 */
export function normaliseImport(
  records: readonly ImportConsultationInput[],
  region: string,
  venues: readonly (Region | null)[],
): ImportedConsultation[] {
  return normaliseBatch('records', records, (record, index) =>
    normaliseImportRecord(record, region, venues[index] ?? null),
  );
}
