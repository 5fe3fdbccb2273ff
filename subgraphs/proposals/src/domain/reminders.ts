import type { ForwardedIdentity } from '@huishang/schema';
import type { Colour } from '@huishang/subgraph-kit';
import type { ReminderColour, TaskAddressee, TaskKind } from '../generated/prisma/enums.js';
import { proposalColour } from './colour.js';
import type { Urge } from './urge.js';

/** Who an automatic reminder's HandlingUrge names as having pressed. */
export const schedulerName = '系统自动催办';

/** One inbox: the committee's staff of a region (as one office), or one handling unit. */
export interface Inbox {
  addressee: TaskAddressee;
  /** The unit's key (`unitKey`); empty for the staff's inbox. */
  unit: string;
}

/** A unit's inbox key: its name as `assertActsFor` compares it, trimmed and lower-cased. */
export const unitKey = (name: string): string => name.trim().toLowerCase();

/**
 * Whether a record whose colour is now `current` is reminded, given the colour it was
 * last reminded of for the same deadline: once when it turns YELLOW, once when it turns
 * RED (also when it was never reminded of YELLOW, as when a sweep first sees it overdue),
 * never for GREEN, and never back to YELLOW once reminded of RED.
 */
export function reminderColourOf(
  current: Colour | null,
  lastReminded: ReminderColour | null,
): ReminderColour | null {
  if (current === 'RED') return lastReminded === 'RED' ? null : 'RED';
  if (current === 'YELLOW') return lastReminded === null ? 'YELLOW' : null;
  return null;
}

const kindLabels: Record<TaskKind, string> = {
  PROPOSAL: '提案',
  SUPERVISION_TASK: '监督事项',
  CONSULTATION_MINUTE: '协商纪要',
  OPINION_ITEM: '社情民意',
};

/** Why the reminder goes out, in Chinese: what, its title, and which warning. */
export function reminderReason(kind: TaskKind, title: string, colour: ReminderColour): string {
  const what = `${kindLabels[kind]}《${title}》`;
  return colour === 'YELLOW'
    ? `${what}办理期限将至（黄色预警）`
    : `${what}已超过办理期限（红色预警）`;
}

export interface ReminderPlan {
  colour: ReminderColour;
  reason: string;
  /** The staff's inbox first, then each handling unit's, without repeats. */
  inboxes: Inbox[];
  /** What is recorded on the proposal, as a manual 催办 is. */
  urge: Urge;
}

/**
 * The automatic reminder of a proposal at `now`, or null when none is due: the colour
 * is the one the proposal shows (`proposalColour`), checked again here whatever the sweep's
 * SQL found. It goes to the committee's staff and to every handling unit, and is
 * recorded on the proposal as a 催办 by the scheduler, with the reason as its note.
 */
export function planProposalReminder(
  proposal: Parameters<typeof proposalColour>[0] & {
    title: string;
    handlingUnits: readonly { name: string }[];
  },
  lastReminded: ReminderColour | null,
  now: Date,
): ReminderPlan | null {
  const colour = reminderColourOf(proposalColour(proposal, now), lastReminded);
  if (!colour) return null;
  const reason = reminderReason('PROPOSAL', proposal.title, colour);
  const units = [...new Set(proposal.handlingUnits.map((u) => unitKey(u.name)))];
  return {
    colour,
    reason,
    inboxes: [
      { addressee: 'STAFF', unit: '' },
      ...units.map((unit) => ({ addressee: 'UNIT' as const, unit })),
    ],
    urge: { kind: 'REMIND', by: schedulerName, note: reason.slice(0, 500) },
  };
}

/**
 * The inboxes `caller` reads in `region`: the staff's when it is staff of that very
 * region, its own unit's when it is a unit of it, on the region's own node (where the
 * reminders are recorded). Anyone else (a reader, a member, the public, staff of another
 * region, city staff above a county) reads none.
 */
export function inboxesOf(caller: ForwardedIdentity, region: string): Inbox[] {
  if (caller.region !== region || caller.node !== region) return [];
  const inboxes: Inbox[] = [];
  if (caller.roles.includes('staff')) inboxes.push({ addressee: 'STAFF', unit: '' });
  if (caller.roles.includes('unit'))
    inboxes.push({ addressee: 'UNIT', unit: unitKey(caller.subject) });
  return inboxes;
}
