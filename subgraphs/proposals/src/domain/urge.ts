import { requireText } from '@huishang/subgraph-kit';
import type { ProposalStatus, UrgeKind } from '../generated/prisma/enums.js';
import { assertTransition } from './proposal-lifecycle.js';

export interface Urge {
  kind: UrgeKind;
  by: string;
  note: string;
}

/** 催办 or 督办 while units handle the proposal: who pressed, and what they said. */
export function planUrge(
  current: { status: ProposalStatus },
  kind: UrgeKind,
  by: string,
  note: string,
): Urge {
  assertTransition(current.status, kind === 'REMIND' ? 'remind' : 'escalate');
  return { kind, by, note: requireText('note', note, 500) };
}
