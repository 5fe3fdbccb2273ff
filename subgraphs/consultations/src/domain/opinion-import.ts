import type { Region } from '@huishang/schema';
import { InvalidInputError, optionalText, requireDate, requireText } from '@huishang/subgraph-kit';
import type {
  OpinionNature,
  OpinionRoute,
  OpinionStatus,
  Satisfaction,
} from '../generated/prisma/enums.js';
import { normaliseBatch } from './import-batch.js';
import { normaliseOpinionItem, type OpinionItemInput } from './opinion-input.js';
import { closedStatuses, dispatchedStatuses, referralTarget } from './opinion-lifecycle.js';

export interface ImportedOpinionItemInput extends OpinionItemInput {
  place?: string | null;
  status: OpinionStatus;
  route?: OpinionRoute | null;
  nature?: OpinionNature | null;
  rejectionReason?: string | null;
  department?: string | null;
  deadline?: string | null;
  topicTitle?: string | null;
  answer?: string | null;
  satisfaction?: Satisfaction | null;
  /** When it was submitted, dispatched and closed in the earlier system (ISO 8601). */
  submittedAt: string;
  dispatchedAt?: string | null;
  closedAt?: string | null;
}

const requireTime = (field: string, value: string | null | undefined): Date => {
  const time = value ? new Date(value) : null;
  if (!time || Number.isNaN(time.getTime()))
    throw new InvalidInputError(
      field,
      `须为 ISO 8601 时间 / must be an ISO 8601 time, got ${value}`,
    );
  return time;
};

/** One historical item checked for a consistent final state, as its row is stored. */
function normaliseImported(region: string, input: ImportedOpinionItemInput, place: Region | null) {
  const dispatched = dispatchedStatuses.includes(input.status);
  const closed = closedStatuses.includes(input.status);
  if (input.status === 'REJECTED' && !input.rejectionReason)
    throw new InvalidInputError(
      'rejectionReason',
      '未采用须写明原因 / a rejected item needs a reason',
    );
  if (dispatched && !input.route)
    throw new InvalidInputError(
      'route',
      `${input.status} 须有分流去向 / a dispatched item needs a route`,
    );
  if (input.route === 'LOWER_LEVEL' && !referralTarget(region, 'LOWER_LEVEL', input.place ?? null))
    throw new InvalidInputError('place', '属地办理须有下级辖区内的地点 / a place below is needed');
  if (input.route === 'DEPARTMENT' && !input.department)
    throw new InvalidInputError(
      'department',
      '交部门办理须写明部门 / a department route names the department',
    );
  if ((input.status === 'RATED') !== Boolean(input.satisfaction))
    throw new InvalidInputError(
      'satisfaction',
      '已评价的事项须有且仅有满意度 / only a RATED item has a satisfaction',
    );
  const createdAt = requireTime('submittedAt', input.submittedAt);
  const route = dispatched ? (input.route ?? null) : null;
  const title = requireText('title', input.title, 100, 2);
  return {
    ...normaliseOpinionItem(region, input, place),
    status: input.status,
    route,
    nature: input.nature ?? null,
    rejectionReason: optionalText('rejectionReason', input.rejectionReason, 500),
    department: optionalText('department', input.department, 50),
    deadline: input.deadline ? requireDate('deadline', input.deadline) : null,
    topicTitle:
      route === 'CONSULTATION_TOPIC'
        ? requireText('topicTitle', input.topicTitle || title, 100)
        : null,
    // As routing does: up to the next level, or down to the committee of the place.
    routedTo: route ? referralTarget(region, route, input.place ?? null) : null,
    answer: optionalText('answer', input.answer, 5000),
    satisfaction: input.satisfaction ?? null,
    createdAt,
    dispatchedAt: dispatched
      ? requireTime('dispatchedAt', input.dispatchedAt ?? input.submittedAt)
      : null,
    closedAt: closed
      ? requireTime('closedAt', input.closedAt ?? input.dispatchedAt ?? input.submittedAt)
      : null,
  };
}

/**
 * A batch of historical items, checked as a whole: the first bad record refuses the batch
 * with its index and reason. `places` holds the registry's region for each place code.
 */
export function normaliseImport(
  region: string,
  inputs: ImportedOpinionItemInput[],
  places: ReadonlyMap<string, Region>,
) {
  return normaliseBatch('items', inputs, (input) => {
    const place = input.place ? places.get(input.place) : null;
    if (place === undefined)
      throw new InvalidInputError('place', `未知区划 / unknown region ${input.place}`);
    return normaliseImported(region, input, place);
  });
}
