import type { ForwardedIdentity } from '@huishang/schema';
import type { Colour } from './deadline-colour.js';

/** What a task (an inbox item) is about, as the contract's TaskKind names it. */
export type TaskKind = 'PROPOSAL' | 'SUPERVISION_TASK' | 'CONSULTATION_MINUTE' | 'OPINION_ITEM';

/** The colours a record is reminded of when it turns them. */
export type ReminderColour = 'YELLOW' | 'RED';

/** Who an automatic reminder names as having pressed, on the record's own history. */
export const schedulerName = '系统自动催办';

/** One inbox: the committee's staff of a region (as one office), or one handling unit. */
export interface Inbox {
  addressee: 'STAFF' | 'UNIT';
  /** The unit's key (`unitKey`); empty for the staff's inbox. */
  unit: string;
}

/** A unit's inbox key: its name as a unit caller's subject is matched, trimmed and lower-cased. */
export const unitKey = (name: string): string => name.trim().toLowerCase();

/** The staff's inbox, then each named unit's once. */
export const inboxesFor = (units: readonly string[]): Inbox[] => [
  { addressee: 'STAFF', unit: '' },
  ...[...new Set(units.map(unitKey))].map((unit) => ({ addressee: 'UNIT' as const, unit })),
];

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
