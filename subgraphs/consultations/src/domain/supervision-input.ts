import { optionalText, requireDate, requireText } from '@huishang/subgraph-kit';
import type { SupervisionSource } from '../generated/prisma/enums.js';

export interface SupervisionTaskInput {
  title: string;
  source: SupervisionSource;
  committee: string;
  caseRef?: string | null;
  deadline?: string | null;
}

export interface SupervisionTaskFields {
  title: string;
  source: SupervisionSource;
  committee: string;
  caseRef: string | null;
  deadline: Date | null;
}

export const normaliseSupervisionTask = (input: SupervisionTaskInput): SupervisionTaskFields => ({
  title: requireText('title', input.title, 100, 2),
  source: input.source,
  committee: requireText('committee', input.committee, 30),
  caseRef: optionalText('caseRef', input.caseRef, 200),
  deadline: input.deadline ? requireDate('deadline', input.deadline) : null,
});
