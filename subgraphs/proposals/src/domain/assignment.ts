import { chinaToday, requireDate, requireText } from '@huishang/subgraph-kit';
import { DeadlinePassedError, DuplicateUnitError, LeadUnitRequiredError } from '../errors.js';
import type { HandlingRole, ProposalStatus } from '../generated/prisma/enums.js';
import { assertTransition } from './proposal-lifecycle.js';

export interface UnitInput {
  name: string;
  role: HandlingRole;
}

export interface AssignmentInput {
  units: UnitInput[];
  deadline: string;
  isKey?: boolean | null;
}

export interface Assignment {
  units: UnitInput[];
  deadline: Date;
  isKey: boolean;
}

/**
 * 交办: a registered proposal goes to exactly one lead unit (主办) and any co-handling
 * units (协办), with a deadline that is today or later in China.
 */
export function planAssignment(
  current: { status: ProposalStatus; isKey: boolean },
  input: AssignmentInput,
  now: Date,
): Assignment {
  assertTransition(current.status, 'assign');
  const units: UnitInput[] = [];
  for (const unit of input.units) {
    const name = requireText('units.name', unit.name, 60);
    if (units.some((u) => u.name === name)) throw new DuplicateUnitError(name);
    units.push({ name, role: unit.role });
  }
  const leads = units.filter((u) => u.role === 'LEAD').length;
  if (leads !== 1) throw new LeadUnitRequiredError(leads);
  const deadline = requireDate('deadline', input.deadline);
  const today = chinaToday(now);
  if (input.deadline < today) throw new DeadlinePassedError(input.deadline, today);
  return { units, deadline, isKey: input.isKey ?? current.isKey };
}
