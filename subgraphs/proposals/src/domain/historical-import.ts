import { HuishangError } from '@huishang/schema';
import { InvalidInputError, requireText } from '@huishang/subgraph-kit';
import { ImportTooLargeError, InvalidImportError } from '../errors.js';
import type {
  CrossTermOutcome,
  HandlingRole,
  ProposalStatus,
  ReplyOutcome,
  Satisfaction,
} from '../generated/prisma/enums.js';
import { registeredStatuses } from './proposal-lifecycle.js';
import { normaliseSubmission, type Submission, type SubmissionInput } from './submission.js';

/** One call imports at most this many records, in one transaction. */
export const maxImportBatch = 1000;

/**
 * A proposal as a committee's earlier system ended it: numbered, dated, with its units,
 * the lead unit's answer to each item, the proposer's rating and the cross-term outcome.
 */
export interface ImportedProposalInput extends SubmissionInput {
  number?: number | null;
  status: ProposalStatus;
  isKey?: boolean | null;
  submittedAt: string;
  registeredAt?: string | null;
  assignedAt?: string | null;
  repliedAt?: string | null;
  deadline?: string | null;
  units?: { name: string; role: HandlingRole }[] | null;
  /** The lead unit's answer to each suggestion, in order, once replied (办理清单). */
  itemReplies?: ImportedItemReply[] | null;
  proposerRating?: Satisfaction | null;
  crossTermOutcome?: CrossTermOutcome | null;
  crossTermSortedIn?: number | null;
}

export interface ImportedItemReply {
  outcome: ReplyOutcome;
  text: string;
}

/** The rows one record becomes: the submission as normalised, and how it ended. */
export interface ImportedProposal extends Submission {
  number: number | null;
  status: ProposalStatus;
  isKey: boolean;
  submittedAt: Date;
  registeredAt: Date | null;
  assignedAt: Date | null;
  deadline: Date | null;
  repliedAt: Date | null;
  crossTermOutcome: CrossTermOutcome | null;
  crossTermSortedIn: number | null;
  units: { name: string; role: HandlingRole }[];
  itemReplies: ImportedItemReply[];
  proposerRating: Satisfaction | null;
}

const answered: readonly ProposalStatus[] = ['REPLIED', 'EVALUATED', 'SECOND_ROUND', 'CLOSED'];
const unfinished: readonly ProposalStatus[] = ['SUBMITTED', 'SIGNED_IN', 'PRE_REVIEWED'];

function time(field: string, value: string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    throw new InvalidInputError(field, `不是有效时间 / not an ISO date-time: ${value}`);
  return date;
}

function check(condition: boolean, reason: string): void {
  if (!condition) throw new InvalidInputError('record', reason);
}

/** One record's rows; throws a plain input error that `planImport` ties to the record's index. */
function importedProposal(input: ImportedProposalInput): ImportedProposal {
  const submission = normaliseSubmission(input);
  const { status } = input;
  check(!unfinished.includes(status), `只导入已审查完毕的提案 / status ${status} is not final`);
  const registered = registeredStatuses.includes(status);
  const number = input.number ?? null;
  check(
    registered ? Number.isInteger(number) && (number as number) >= 1 : number === null,
    registered
      ? '已立案提案须有案号 / a registered proposal needs its number'
      : '未立案提案没有案号 / an unregistered proposal has no number',
  );
  const submittedAt = time('submittedAt', input.submittedAt) as Date;
  const registeredAt = time('registeredAt', input.registeredAt);
  const assignedAt = time('assignedAt', input.assignedAt);
  const repliedAt = time('repliedAt', input.repliedAt);
  const deadline = time('deadline', input.deadline);
  const units = input.units ?? [];
  const itemReplies = (input.itemReplies ?? []).map(({ outcome, text }) => ({
    outcome,
    text: requireText('itemReplies', text, 2000),
  }));
  const assigned = registered && status !== 'REGISTERED';
  check(
    registered === (registeredAt !== null),
    '立案时间与状态不符 / registeredAt does not match the status',
  );
  check(
    assigned === (assignedAt !== null),
    '交办时间与状态不符 / assignedAt does not match the status',
  );
  check(
    assigned === (units.filter((u) => u.role === 'LEAD').length === 1) &&
      new Set(units.map((u) => u.name)).size === units.length,
    '交办的提案须有且只有一个主办单位，单位不重复 / an assigned proposal has exactly one lead unit and no unit twice',
  );
  check(
    (repliedAt !== null) === answered.includes(status),
    '答复时间与状态不符 / repliedAt does not match the status',
  );
  check(
    itemReplies.length === (repliedAt ? submission.suggestions.length : 0),
    '答复须逐条对应建议清单 / a replied proposal has one outcome per suggestion',
  );
  check(
    input.proposerRating == null || repliedAt !== null,
    '答复前不能评价 / a rating needs a reply',
  );
  const order = [submittedAt, registeredAt, assignedAt, repliedAt].filter((d) => d !== null);
  check(
    order.every((d, i) => i === 0 || (order[i - 1] as Date) <= d),
    '时间须依次为提出、立案、交办、答复 / dates must run submitted, registered, assigned, replied',
  );
  const crossTermOutcome = input.crossTermOutcome ?? null;
  const crossTermSortedIn = input.crossTermSortedIn ?? null;
  check(
    (crossTermOutcome === null) === (crossTermSortedIn === null) &&
      (crossTermSortedIn === null || (registered && crossTermSortedIn > submission.term)),
    '跨届梳理须为已立案提案，且在后一届 / a cross-term outcome needs a registered proposal and a later term',
  );
  return {
    ...submission,
    number,
    status,
    isKey: input.isKey ?? false,
    deadline,
    submittedAt,
    registeredAt,
    assignedAt,
    repliedAt,
    crossTermOutcome,
    crossTermSortedIn,
    units,
    itemReplies,
    proposerRating: input.proposerRating ?? null,
  };
}

/**
 * Validates a batch as a whole: the first bad record refuses it, naming its index and the
 * reason; 案号 must not repeat within the batch.
 */
export function planImport(records: ImportedProposalInput[]): ImportedProposal[] {
  if (records.length > maxImportBatch)
    throw new ImportTooLargeError(records.length, maxImportBatch);
  const numbers = new Set<string>();
  return records.map((record, index) => {
    try {
      const proposal = importedProposal(record);
      if (proposal.number !== null) {
        const key = `${proposal.term}/${proposal.session}/${proposal.number}`;
        check(!numbers.has(key), `案号重复 / number ${key} appears twice`);
        numbers.add(key);
      }
      return proposal;
    } catch (error) {
      if (error instanceof HuishangError) throw new InvalidImportError(index, error.message);
      throw error;
    }
  });
}
