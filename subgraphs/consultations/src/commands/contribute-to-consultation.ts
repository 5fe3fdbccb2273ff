import { ForbiddenError, NotFoundError } from '@huishang/subgraph-kit';
import type { CommandHandler } from '@huishang/subgraph-kit/bus';
import { contributeIn, findConsultationRows } from '../data/consultations.js';
import { assertActionAllowed } from '../domain/consultation-stages.js';
import { type Contribution, contributionOf } from '../domain/contribution.js';
import { canContribute } from '../domain/parties.js';
import type { Prisma } from '../generated/prisma/client.js';

/**
 * `consultation.contribute`, applied by the consultation's owner: a joint party's office
 * (三级会商), asking on its own node, adds participants and suggestions while the
 * consultation still takes them. They are stored marked with the party, with a
 * `consultation.contributed` event, so every party's replica shows them.
 */
export const contributeToConsultation: CommandHandler<Prisma.TransactionClient> = {
  aggregate: 'consultation',
  name: 'contribute',
  async execute(tx, command) {
    const { consultationId, ...input } = command.payload as unknown as Contribution & {
      consultationId: string;
    };
    const consultation = await findConsultationRows(tx, consultationId);
    if (!consultation || consultation.region !== command.owner)
      throw new NotFoundError('Consultation', consultationId);
    if (!canContribute(command.caller, consultation))
      throw new ForbiddenError('write', command.owner, command.caller.region);
    const contribution = contributionOf(input);
    if (contribution.participants.length) assertActionAllowed(consultation, 'addParticipants');
    if (contribution.suggestions.length) assertActionAllowed(consultation, 'recordSuggestions');
    const changed = await contributeIn(
      tx,
      command.sink,
      consultationId,
      command.caller.region,
      contribution,
    );
    return { id: changed.id, version: changed.version };
  },
};
