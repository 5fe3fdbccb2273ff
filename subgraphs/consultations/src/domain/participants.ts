import { InvalidInputError, optionalText, requireText } from '@huishang/subgraph-kit';
import { ParticipantMemberError } from '../errors.js';
import type { ParticipantKind } from '../generated/prisma/enums.js';
import { optionalId } from './place.js';

export interface ParticipantInput {
  memberId?: string | null;
  name: string;
  kind: ParticipantKind;
  affiliation?: string | null;
  attended?: boolean | null;
}

export interface ParticipantFields {
  memberId: string | null;
  name: string;
  kind: ParticipantKind;
  affiliation: string | null;
  attended: boolean;
}

/** A member participant is the member (memberId); anyone else is known by name only. */
export function normaliseParticipants(inputs: readonly ParticipantInput[]): ParticipantFields[] {
  if (inputs.length === 0)
    throw new InvalidInputError('participants', '至少一人 / at least one participant');
  return inputs.map((input) => {
    const name = requireText('name', input.name, 50);
    const memberId = optionalId('memberId', input.memberId);
    if ((input.kind === 'MEMBER') !== (memberId !== null))
      throw new ParticipantMemberError(input.kind, name);
    return {
      memberId,
      name,
      kind: input.kind,
      affiliation: optionalText('affiliation', input.affiliation, 100),
      attended: input.attended ?? true,
    };
  });
}
