import type { ForwardedIdentity } from '@huishang/schema';
import {
  canActAs,
  canReadPublished,
  canWrite,
  InvalidInputError,
  optionalText,
  requireText,
} from '@huishang/subgraph-kit';
import { PlanLeadError, TopicDecidedError, TopicNotApprovedError } from '../errors.js';
import type {
  ConsultationLead,
  ConsultationPlatform,
  TopicSource,
  TopicStatus,
} from '../generated/prisma/enums.js';

export interface TopicInput {
  title: string;
  description?: string | null;
  proposedBy?: string | null;
}

export interface TopicFields {
  title: string;
  description: string | null;
  source: TopicSource;
  proposedBy: string | null;
}

/** 社会征题, 委员荐题 or 党政点题: a topic waiting for the chair's meeting. */
export const normaliseTopic = (input: TopicInput, source: TopicSource): TopicFields => ({
  title: requireText('title', input.title, 100, 2),
  description: optionalText('description', input.description, 2000),
  source,
  proposedBy: optionalText('proposedBy', input.proposedBy, 50),
});

export interface ApprovalInput {
  /** The chair's meeting that approved it, e.g. 十届市政协第十二次主席会议. */
  meeting: string;
  planYear: number;
  platform: ConsultationPlatform;
  lead?: ConsultationLead | null;
  note?: string | null;
}

export interface Decision {
  status: TopicStatus;
  decidedBy: string;
  decisionNote: string | null;
  planYear: number | null;
  platform: ConsultationPlatform | null;
  lead: ConsultationLead | null;
}

const assertPending = (topic: { id: string; status: TopicStatus }) => {
  if (topic.status !== 'PENDING') throw new TopicDecidedError(topic.id, topic.status);
};

/**
 * The chair's meeting (主席会议) puts a topic in a year's plan on a platform; a 请你来协商
 * is one of the six led by the party secretary or head of government (LEADERS) or an X
 * led by sectors and committees (SECTORS).
 */
export function approveTopic(
  topic: { id: string; status: TopicStatus },
  input: ApprovalInput,
): Decision {
  assertPending(topic);
  if (!Number.isInteger(input.planYear) || input.planYear < 2000 || input.planYear > 2100)
    throw new InvalidInputError('planYear', `不是有效年份 / not a plan year: ${input.planYear}`);
  const lead = input.lead ?? null;
  if ((input.platform === 'PLEASE_COME_AND_CONSULT') !== (lead !== null))
    throw new PlanLeadError(input.platform);
  return {
    status: 'APPROVED',
    decidedBy: requireText('meeting', input.meeting, 100),
    decisionNote: optionalText('note', input.note, 500),
    planYear: input.planYear,
    platform: input.platform,
    lead,
  };
}

export function rejectTopic(
  topic: { id: string; status: TopicStatus },
  input: { meeting: string; reason: string },
): Decision {
  assertPending(topic);
  return {
    status: 'REJECTED',
    decidedBy: requireText('meeting', input.meeting, 100),
    decisionNote: requireText('reason', input.reason, 500),
    planYear: null,
    platform: null,
    lead: null,
  };
}

/** A consultation is planned only on an approved topic. */
export function assertPlannable(topic: { id: string; status: TopicStatus }): void {
  if (topic.status !== 'APPROVED') throw new TopicNotApprovedError(topic.id, topic.status);
}

/** The consultation office: staff or admins, who moderate and decide topics. */
export const isOffice = (identity: ForwardedIdentity) =>
  identity.roles.includes('staff') || identity.roles.includes('admin');

/**
 * Who sees a topic: an approved one anyone who may read the region; one still pending or
 * rejected only the office (public submissions are moderated before anyone sees them).
 */
export const canSeeTopic = (
  identity: ForwardedIdentity,
  topic: { region: string; status: TopicStatus },
): boolean =>
  canReadPublished(identity, topic.region) && (topic.status === 'APPROVED' || isOffice(identity));

/** Members recommend topics themselves (委员荐题); the office records every source. */
export const canProposeTopic = (
  identity: ForwardedIdentity,
  region: string,
  source: TopicSource,
): boolean =>
  canWrite(identity, region) || (source === 'MEMBERS' && canActAs(identity, region, 'member'));
