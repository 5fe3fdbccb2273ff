import {
  assertPublishedRegion,
  assertWritableRegion,
  ForbiddenError,
  fetchConnection,
  isoTime,
  NotFoundError,
  type PageArgs,
  requireIdentity,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import {
  type ConsultationTopic,
  countTopics,
  decideTopic,
  listTopics,
  submitTopic,
} from '../data/topics.js';
import { canSeeConsultation } from '../domain/parties.js';
import {
  type ApprovalInput,
  approveTopic,
  canProposeTopic,
  canSeeTopic,
  isOffice,
  normaliseTopic,
  rejectTopic,
  type TopicInput,
} from '../domain/topics.js';
import type { TopicSource, TopicStatus } from '../generated/prisma/enums.js';

/** A topic the caller may see, or null; a pending public topic is invisible to the public. */
async function loadVisibleTopic(id: string, context: ConsultationsContext) {
  const caller = requireIdentity(context.identity);
  const topic = await context.topicById.load(id);
  return topic && canSeeTopic(caller, topic) ? topic : null;
}

/** The topic the chair's meeting decides on, by the office of its own committee. */
async function decidableTopic(id: string, context: ConsultationsContext) {
  const topic = await context.topicById.load(id);
  if (!topic) throw new NotFoundError('ConsultationTopic', id);
  assertWritableRegion(context.identity, topic.region);
  return topic;
}

export const topicQueryResolvers = {
  consultationTopic: (_: unknown, args: { id: string }, context: ConsultationsContext) =>
    loadVisibleTopic(args.id, context),
  consultationTopics: (
    _: unknown,
    args: {
      region: string;
      includeSubregions?: boolean | null;
      status?: TopicStatus | null;
      planYear?: number | null;
    } & PageArgs,
    context: ConsultationsContext,
  ) => {
    const caller = assertPublishedRegion(context.identity, args.region);
    const visible: TopicStatus[] = isOffice(caller)
      ? ['PENDING', 'APPROVED', 'REJECTED']
      : ['APPROVED'];
    const filter = {
      ...args,
      statuses: args.status ? visible.filter((s) => s === args.status) : visible,
    };
    return fetchConnection(
      args,
      (idBefore, take) => listTopics(context.db(), filter, idBefore, take),
      () => countTopics(context.db(), filter),
    );
  },
};

export const topicMutationResolvers = {
  // Anonymous: the gateway forwards { roles: ['public'], region: node }; the topic waits,
  // unseen by the public, for the chair's meeting.
  async submitPublicTopic(
    _: unknown,
    { input }: { input: TopicInput & { region: string } },
    context: ConsultationsContext,
  ) {
    const caller = requireIdentity(context.identity);
    if (input.region !== caller.node)
      throw new ForbiddenError('write', input.region, caller.region);
    const topic = await submitTopic(
      context.db(),
      context.sink(),
      input.region,
      normaliseTopic(input, 'PUBLIC'),
      caller.subject,
    );
    return { id: topic.id, status: topic.status };
  },

  async proposeTopic(
    _: unknown,
    { input }: { input: TopicInput & { region: string; source: TopicSource } },
    context: ConsultationsContext,
  ) {
    const caller = requireIdentity(context.identity);
    if (!canProposeTopic(caller, input.region, input.source))
      throw new ForbiddenError('write', input.region, caller.region);
    return submitTopic(
      context.db(),
      context.sink(),
      input.region,
      normaliseTopic(input, input.source),
    );
  },

  async approveTopic(
    _: unknown,
    args: { id: string; input: ApprovalInput },
    context: ConsultationsContext,
  ) {
    const topic = await decidableTopic(args.id, context);
    const decision = approveTopic(topic, args.input);
    return decideTopic(context.db(), context.sink(), topic, decision, new Date());
  },

  async rejectTopic(
    _: unknown,
    args: { id: string; meeting: string; reason: string },
    context: ConsultationsContext,
  ) {
    const topic = await decidableTopic(args.id, context);
    const decision = rejectTopic(topic, args);
    return decideTopic(context.db(), context.sink(), topic, decision, new Date());
  },
};

export const topicResolvers = {
  __resolveReference: (reference: { id: string }, context: ConsultationsContext) =>
    loadVisibleTopic(reference.id, context),
  region: (topic: ConsultationTopic) => ({ code: topic.region }),
  decidedAt: (topic: ConsultationTopic) => topic.decidedAt && isoTime(topic.decidedAt),
  createdAt: (topic: ConsultationTopic) => isoTime(topic.createdAt),
  // An approved topic is public; the consultations held on it are not.
  consultations: async (topic: ConsultationTopic, _: unknown, context: ConsultationsContext) => {
    const caller = requireIdentity(context.identity);
    const consultations = await context.consultationsOfTopic.load(topic.id);
    return consultations.filter((consultation) => canSeeConsultation(caller, consultation));
  },
};
