import {
  type AggregateType,
  type CommandEnvelope,
  type CommandResult,
  commandResultSubject,
  commandSubject,
  isWithin,
  senderOfSubject,
  validateCommand,
  validateCommandResult,
} from '@huishang/schema';

/**
 * What an owner does with a message on its command consumer: apply it; answer it with a
 * rejection (a sound envelope whose type or payload is wrong); or park it, when there is
 * nobody to answer or it was not addressed to this owner on its own subject.
 */
export type CommandVerdict =
  | { action: 'apply'; command: CommandEnvelope }
  | { action: 'reject'; command: CommandEnvelope; reason: string }
  | { action: 'park'; reason: string };

const parse = (data: string): { value: unknown } | { reason: string } => {
  try {
    return { value: JSON.parse(data) };
  } catch (error) {
    return { reason: `not JSON: ${(error as Error).message}` };
  }
};

/**
 * Why the envelope may not be answered here, if so. The subject proves the sending node
 * (a node may publish commands only under its own tokens): the caller must be of that
 * node, or the command lies about who asks.
 */
function misaddressed(
  owner: string,
  aggregate: AggregateType,
  subject: string,
  command: CommandEnvelope,
): string | null {
  if (command.owner !== owner) return `addressed to ${command.owner}, not ${owner}`;
  const sender = senderOfSubject(subject);
  if (!sender) return `${subject} names no sending committee`;
  const [type, name] = command.type.split('.') as [string, string];
  const expected = type === aggregate ? commandSubject(owner, aggregate, name, sender) : null;
  if (subject !== expected)
    return `${command.type} does not travel on ${subject}${expected ? `, but on ${expected}` : ''}`;
  const { node, region } = command.caller;
  if (node !== sender) return `sent by node ${sender}, but names node ${node} as the caller's`;
  if (!isWithin(region, sender))
    return `node ${sender} speaks only for callers of its own region, not of ${region}`;
  return null;
}

/** Judges a message on the `aggregate` command consumer of `owner`. */
export function judgeCommand(
  owner: string,
  aggregate: AggregateType,
  subject: string,
  data: string,
): CommandVerdict {
  const parsed = parse(data);
  if ('reason' in parsed) return { action: 'park', reason: parsed.reason };
  const validation = validateCommand(parsed.value);
  const verdict: CommandVerdict = validation.ok
    ? { action: 'apply', command: validation.command }
    : validation.answerable
      ? { action: 'reject', command: validation.answerable, reason: validation.reason }
      : { action: 'park', reason: validation.reason };
  const wrong =
    verdict.action !== 'park' && misaddressed(owner, aggregate, subject, verdict.command);
  return wrong ? { action: 'park', reason: wrong } : verdict;
}

/**
 * Judges a message on the result consumer of the caller's node `region`: the subject
 * proves which node answers, and it must be the owner the answer names.
 */
export function judgeResult(
  region: string,
  subject: string,
  data: string,
): { ok: true; result: CommandResult } | { ok: false; reason: string } {
  const parsed = parse(data);
  if ('reason' in parsed) return { ok: false, reason: parsed.reason };
  const validation = validateCommandResult(parsed.value);
  if (!validation.ok) return validation;
  const { commandId, owner } = validation.result;
  const sender = senderOfSubject(subject);
  if (sender !== owner)
    return {
      ok: false,
      reason: `an answer from ${sender ?? 'nobody'} names ${owner} as the owner`,
    };
  const expected = commandResultSubject(region, commandId, owner);
  if (subject !== expected)
    return { ok: false, reason: `an answer to ${region} travels on ${expected}, not ${subject}` };
  return validation;
}
