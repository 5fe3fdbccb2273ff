import type { ForwardedIdentity } from '@huishang/schema';
import {
  type Colour,
  canActAs,
  canWrite,
  deadlineAfter,
  deadlineColour,
  InvalidInputError,
  requireText,
} from '@huishang/subgraph-kit';
import { RecipientStepError } from '../errors.js';
import type { RecipientKind } from '../generated/prisma/enums.js';

export interface RecipientInput {
  name: string;
  kind: RecipientKind;
}

/** 协商纪要 and who it goes to: at least one recipient, each named once. */
export function normaliseMinutes(text: string, recipients: readonly RecipientInput[]) {
  if (recipients.length === 0)
    throw new InvalidInputError('recipients', '至少一个报送对象 / at least one recipient');
  const rows = recipients.map((r) => ({ name: requireText('name', r.name, 100), kind: r.kind }));
  const names = rows.map((r) => r.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated)
    throw new InvalidInputError('recipients', `重复的报送对象 / named twice: ${repeated}`);
  return { minutes: requireText('minutes', text, 20_000, 10), recipients: rows };
}

/** Haining's limits: the department signs off (签收) in 7 days, answers (答复) in 3 months. */
export const signOffDue = (sentAt: Date) => deadlineAfter(sentAt, { days: 7 });
export const answerDue = (sentAt: Date) => deadlineAfter(sentAt, { months: 3 });

interface RecipientState {
  name: string;
  signedOffAt: Date | null;
  answeredAt: Date | null;
}

/** YELLOW in a step's last days: 2 before the sign-off is due, 15 before the answer. */
export const signOffYellowDays = 2;
export const answerYellowDays = 15;

/** Colours while a step is open: YELLOW in its last 2 days (sign-off) or 15 days (answer). */
export const signOffColour = (r: RecipientState, sentAt: Date, now: Date): Colour | null =>
  r.signedOffAt
    ? null
    : deadlineColour(signOffDue(sentAt), now, { yellowWithinDays: signOffYellowDays });
export const answerColour = (r: RecipientState, sentAt: Date, now: Date): Colour | null =>
  r.answeredAt
    ? null
    : deadlineColour(answerDue(sentAt), now, { yellowWithinDays: answerYellowDays });

/** Signs off once; answers once, after signing off. */
export function assertRecipientStep(r: RecipientState, step: 'signOff' | 'answer'): void {
  if (step === 'signOff' && r.signedOffAt)
    throw new RecipientStepError(r.name, step, '已签收 / already signed off');
  if (step === 'answer' && !r.signedOffAt)
    throw new RecipientStepError(r.name, step, '尚未签收 / not signed off yet');
  if (step === 'answer' && r.answeredAt)
    throw new RecipientStepError(r.name, step, '已答复 / already answered');
}

/** The office records either step; a unit signs and answers for itself (its token's subject). */
export const canActForRecipient = (
  identity: ForwardedIdentity,
  recipient: { name: string },
  region: string,
): boolean =>
  canWrite(identity, region) ||
  (canActAs(identity, region, 'unit') && identity.subject === recipient.name);
