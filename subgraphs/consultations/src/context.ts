import { createByIdLoader, createMapLoader, type RequestContext } from '@huishang/subgraph-kit';
import {
  consultationsOfTopics,
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

/**
 * Per-request loaders: entity references and the consultations of a page arrive in
 * batches, so each costs one query however many consultations there are. An id that is
 * not a UUID cannot exist, and is not sent to PostgreSQL.
 */
export function extendContext(context: RequestContext<PrismaClient>) {
  const ids = (keys: string[]) => keys.filter(isUuid);
  return {
    consultationById: createByIdLoader((keys) => findConsultationsByIds(context.db(), ids(keys))),
    participantsOf: createMapLoader((keys) => findParticipantsOf(context.db(), keys), []),
    suggestionsOf: createMapLoader((keys) => findSuggestionsOf(context.db(), keys), []),
    recipientsOf: createMapLoader((keys) => findRecipientsOf(context.db(), keys), []),
    evaluationsOf: createMapLoader((keys) => findEvaluationsOf(context.db(), keys), []),
    topicById: createByIdLoader((keys) => findTopicsByIds(context.db(), ids(keys))),
    consultationsOfTopic: createMapLoader(
      (keys) => consultationsOfTopics(context.db(), ids(keys)),
      [],
    ),
    suggestionsOfProposal: createMapLoader(
      (keys) => suggestionsLinkedTo(context.db(), 'proposalId', ids(keys)),
      [],
    ),
    suggestionsOfOpinionItem: createMapLoader(
      (keys) => suggestionsLinkedTo(context.db(), 'opinionItemId', ids(keys)),
      [],
    ),
    supervisionTaskById: createByIdLoader((keys) =>
      findSupervisionTasksByIds(context.db(), ids(keys)),
    ),
    opinionItemById: createByIdLoader((keys) => findOpinionItemsByIds(context.db(), ids(keys))),
  };
}
