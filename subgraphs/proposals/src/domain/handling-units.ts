import { requireText } from '@huishang/subgraph-kit';
import {
  HandlingUnitCycleError,
  UnitNotInDirectoryError,
  UnknownParentUnitError,
} from '../errors.js';
import type { HandlingUnitKind, ReplyOutcome } from '../generated/prisma/enums.js';

/** A unit's name as assignments and the directory hold it: at most 60 characters. */
export const unitNameLength = 60;

export interface UnitDefinitionInput {
  region: string;
  name: string;
  kind: HandlingUnitKind;
  parentName?: string | null;
}

/** A directory entry as the rules see it. */
export interface DirectoryEntry {
  id: string;
  region: string;
  name: string;
  parentId: string | null;
}

export interface UnitDefinition {
  region: string;
  name: string;
  kind: HandlingUnitKind;
  /** The entry defined again, or null for a new unit. */
  id: string | null;
  parentId: string | null;
}

/**
 * 登记承办单位: a unit of the committee's directory by its name (1 to 60 characters, as
 * assignments name units), defined anew or again (its kind and parent replaced). Its parent
 * department is another unit of the same committee's directory, already defined, and never
 * the unit itself or one of its own sub-units. `known` holds the committee's entries.
 */
export function planUnitDefinition(
  input: UnitDefinitionInput,
  known: readonly DirectoryEntry[],
): UnitDefinition {
  const name = requireText('name', input.name, unitNameLength);
  const own = known.filter((e) => e.region === input.region);
  const id = own.find((e) => e.name === name)?.id ?? null;
  if (input.parentName == null)
    return { region: input.region, name, kind: input.kind, id, parentId: null };
  const parentName = requireText('parentName', input.parentName, unitNameLength);
  if (parentName === name) throw new HandlingUnitCycleError(name, [name, name]);
  const parent = own.find((e) => e.name === parentName);
  if (!parent) throw new UnknownParentUnitError(parentName, input.region);
  const path = id === null ? [] : ancestry(parent, own, id);
  if (path.length > 0) throw new HandlingUnitCycleError(name, [name, ...path]);
  return { region: input.region, name, kind: input.kind, id, parentId: parent.id };
}

/**
 * The names from `from` up its parents to the unit `id`, when `id` is among them (the new
 * parent is the unit's own sub-unit); empty when it is not.
 */
function ancestry(from: DirectoryEntry, entries: readonly DirectoryEntry[], id: string): string[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const path: string[] = [];
  const seen = new Set<string>();
  for (let e: DirectoryEntry | undefined = from; e && !seen.has(e.id); ) {
    path.push(e.name);
    if (e.id === id) return path;
    seen.add(e.id);
    e = e.parentId === null ? undefined : byId.get(e.parentId);
  }
  return [];
}

/**
 * Assignments name units of the committee's directory once it has any: a name the
 * directory lacks is refused. A committee with an empty directory names units freely, as
 * before the directory existed.
 */
export function assertInDirectory(
  units: readonly { name: string }[],
  directory: ReadonlySet<string>,
  region: string,
): void {
  if (directory.size === 0) return;
  const missing = units.find((u) => !directory.has(u.name.trim()));
  if (missing) throw new UnitNotInDirectoryError(missing.name.trim(), region);
}

/** Chinese names in the order a Chinese reader expects (pinyin, zh-Hans-CN). */
export const chineseCollator = new Intl.Collator('zh-Hans-CN');

/** A share, or null when there is nothing to share out. */
export const rateOf = (part: number, whole: number): number | null =>
  whole > 0 ? part / whole : null;

/** One unit's counts as the statement returns them. */
export interface UnitCountRow {
  name: string;
  asLead: number;
  asCo: number;
  replied: number;
  overdue: number;
  /** Of the unit's assignments, those answered in full in the first round… */
  handled: number;
  /** …and their days from assignment to the unit's last first-round answer, summed. */
  handledDays: number | null;
  outcomes: Record<ReplyOutcome, number>;
  satisfied: number;
  basic: number;
  unsatisfied: number;
}

export interface DirectoryUnit {
  name: string;
  kind: HandlingUnitKind;
  parentName: string | null;
}

const outcomes: ReplyOutcome[] = ['ADOPTED', 'PARTLY_ADOPTED', 'EXPLAINED', 'NOT_ADOPTED'];

const noCounts = (name: string): UnitCountRow => ({
  name,
  asLead: 0,
  asCo: 0,
  replied: 0,
  overdue: 0,
  handled: 0,
  handledDays: null,
  outcomes: { ADOPTED: 0, PARTLY_ADOPTED: 0, EXPLAINED: 0, NOT_ADOPTED: 0 },
  satisfied: 0,
  basic: 0,
  unsatisfied: 0,
});

/**
 * The league table of a committee's handling units: every unit of its directory (with none
 * assigned, all zero) and every name its proposals were assigned to outside the directory
 * (kind null), with the rates: adoption as (adopted + partly adopted) / items answered,
 * satisfaction as (satisfied + basic) / proposer ratings. Most proposals assigned first,
 * then by name in Chinese order.
 */
export function summariseHandlingUnits(
  rows: readonly UnitCountRow[],
  directory: readonly DirectoryUnit[],
) {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const listed = new Map(directory.map((u) => [u.name, u]));
  const names = new Set([...listed.keys(), ...byName.keys()]);
  return [...names]
    .map((name) => {
      const r = byName.get(name) ?? noCounts(name);
      const unit = listed.get(name);
      const answered = outcomes.reduce((sum, o) => sum + r.outcomes[o], 0);
      const rated = r.satisfied + r.basic + r.unsatisfied;
      return {
        name,
        kind: unit?.kind ?? null,
        parentName: unit?.parentName ?? null,
        inDirectory: unit !== undefined,
        assigned: r.asLead + r.asCo,
        asLead: r.asLead,
        asCo: r.asCo,
        replied: r.replied,
        overdue: r.overdue,
        itemsAnswered: answered,
        byOutcome: outcomes.map((outcome) => ({ outcome, count: r.outcomes[outcome] })),
        adoptionRate: rateOf(r.outcomes.ADOPTED + r.outcomes.PARTLY_ADOPTED, answered),
        rated,
        satisfactionRate: rateOf(r.satisfied + r.basic, rated),
        averageHandlingDays: r.handled > 0 ? (r.handledDays ?? 0) / r.handled : null,
      };
    })
    .sort((a, b) => b.assigned - a.assigned || chineseCollator.compare(a.name, b.name));
}

export type HandlingUnitStatistics = ReturnType<typeof summariseHandlingUnits>[number];
