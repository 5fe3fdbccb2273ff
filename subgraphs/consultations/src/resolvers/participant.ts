import type { Participant } from '../data/consultations.js';
import { memberReference } from './readable.js';

export const participantResolvers = {
  member: (participant: Participant) => memberReference(participant.memberId),
  contributedBy: (participant: Participant) =>
    participant.contributedBy ? { code: participant.contributedBy } : null,
};
