import { createByIdLoader, type RequestContext } from '@huishang/subgraph-kit';
import {
  findConsultationsByIds,
  findEvaluationsOf,
  findParticipantsOf,
  findRecipientsOf,
  findSuggestionsOf,
  suggestionsLinkedTo,
} from './data/consultations.js';
import { findOpinionItemsByIds } from './data/opinion-items.js';
import { findSupervisionTasksByIds } from './data/supervision-tasks.js';
import { findTopicsByIds } from './data/topics.js';
import { isUuid } from './domain/place.js';
import type { PrismaClient } from './generated/prisma/client.js';

export type ConsultationsContext = RequestContext<PrismaClient> & ReturnType<typeof extendContext>;

/** Child rows of a batch of consultations, keyed by consultation for createByIdLoader. */
async function byConsultation<T extends { consultationId: string }>(rows: Promise<T[]>) {
  const groups = new Map<string, T[]>();
  for (const row of await rows)
    groups.set(row.consultationId, [...(groups.get(row.consultationId) ?? []), row]);
  return [...groups].map(([id, group]) => ({ id, rows: group }));
}

/**
 * Per-request loaders: entity references and the consultations of a page arrive in
 * batches, so each costs one query however many consultations there are. An id that is
 * not a UUID cannot exist, and is not sent to PostgreSQL.
 */
export function extendContext(context: RequestContext<PrismaClient>) {
  const ids = (keys: string[]) => keys.filter(isUuid);
  return {
    consultationById: createByIdLoader((keys) => findConsultationsByIds(context.db(), ids(keys))),
    participantsOf: createByIdLoader((keys) =>
      byConsultation(findParticipantsOf(context.db(), keys)),
    ),
    suggestionsOf: createByIdLoader((keys) =>
      byConsultation(findSuggestionsOf(context.db(), keys)),
    ),
    recipientsOf: createByIdLoader((keys) => byConsultation(findRecipientsOf(context.db(), keys))),
    evaluationsOf: createByIdLoader((keys) =>
      byConsultation(findEvaluationsOf(context.db(), keys)),
    ),
    topicById: createByIdLoader((keys) => findTopicsByIds(context.db(), ids(keys))),
    suggestionsOfProposal: createByIdLoader((keys) =>
      suggestionsLinkedTo(context.db(), 'proposalId', ids(keys)),
    ),
    suggestionsOfOpinionItem: createByIdLoader((keys) =>
      suggestionsLinkedTo(context.db(), 'opinionItemId', ids(keys)),
    ),
    supervisionTaskById: createByIdLoader((keys) =>
      findSupervisionTasksByIds(context.db(), ids(keys)),
    ),
    opinionItemById: createByIdLoader((keys) => findOpinionItemsByIds(context.db(), ids(keys))),
  };
}
