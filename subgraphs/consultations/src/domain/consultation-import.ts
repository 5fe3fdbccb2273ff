import { HuishangError, type Region } from '@huishang/schema';
import { InvalidInputError } from '@huishang/subgraph-kit';
import { ImportRecordError, PlanLeadError } from '../errors.js';
import type { Adoption, ConsultationLead } from '../generated/prisma/enums.js';
import { type ConsultationInput, normaliseNewConsultation } from './consultation-input.js';
import { normaliseParticipants, type ParticipantInput } from './participants.js';
import { normaliseSuggestions, type SuggestionInput } from './suggestions.js';

export const maxImportBatch = 1000;

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
  if (records.length === 0 || records.length > maxImportBatch)
    throw new InvalidInputError(
      'records',
      `每批 1 至 ${maxImportBatch} 条 / 1 to ${maxImportBatch} records a batch`,
    );
  return records.map((record, index) => {
    try {
      return normaliseImportRecord(record, region, venues[index] ?? null);
    } catch (error) {
      if (error instanceof HuishangError) throw new ImportRecordError(index, error.message, error);
      throw error;
    }
  });
}
