import { isoDate, isoTime } from '@huishang/subgraph-kit';
import type { MinutesRecipient } from '../data/consultations.js';
import { answerColour, answerDue, signOffColour, signOffDue } from '../domain/minutes.js';

/** A recipient as the consultation resolver hands it over: with when the minutes were sent. */
type SentRecipient = MinutesRecipient & { sentAt: Date };

// Colours are computed when read, so they move on with the calendar.
export const recipientResolvers = {
  signOffDue: (r: SentRecipient) => isoDate(signOffDue(r.sentAt)),
  answerDue: (r: SentRecipient) => isoDate(answerDue(r.sentAt)),
  signedOffAt: (r: SentRecipient) => r.signedOffAt && isoTime(r.signedOffAt),
  answeredAt: (r: SentRecipient) => r.answeredAt && isoTime(r.answeredAt),
  signOffColour: (r: SentRecipient) => signOffColour(r, r.sentAt, new Date()),
  answerColour: (r: SentRecipient) => answerColour(r, r.sentAt, new Date()),
};
