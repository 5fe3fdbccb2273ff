import { InvalidInputError, optionalText, requireDate, requireText } from '@huishang/subgraph-kit';
import type { JointSessionKind } from '../generated/prisma/enums.js';
import { buildParties, type PartyFields, type PartyInput } from './parties.js';

export interface CreateJointSessionInput {
  region: string;
  hostCommittee: string;
  title: string;
  description?: string | null;
  kind: JointSessionKind;
  partners: PartyInput[];
  heldOn?: string | null;
  venueName?: string | null;
  consultationId?: string | null;
}

export interface JointSessionFields {
  region: string;
  title: string;
  description: string | null;
  kind: JointSessionKind;
  heldOn: Date | null;
  venueName: string | null;
  consultationId: string | null;
  parties: PartyFields[];
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates a new joint session and its parties; nothing is written when this throws. */
export function normaliseNewJointSession(input: CreateJointSessionInput): JointSessionFields {
  const consultationId = input.consultationId ?? null;
  if (consultationId !== null && !uuid.test(consultationId))
    throw new InvalidInputError(
      'consultationId',
      `不是有效的 ID / not a valid id: ${consultationId}`,
    );
  return {
    region: input.region,
    title: requireText('title', input.title, 100),
    description: optionalText('description', input.description, 2000),
    kind: input.kind,
    heldOn: input.heldOn ? requireDate('heldOn', input.heldOn) : null,
    venueName: optionalText('venueName', input.venueName, 100),
    consultationId,
    parties: buildParties(
      input.kind,
      { region: input.region, committee: input.hostCommittee },
      input.partners,
    ),
  };
}
