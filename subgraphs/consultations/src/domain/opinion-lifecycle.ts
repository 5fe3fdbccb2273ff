import { getCommitteeRegion, isWithin, nextLevelUnder } from '@huishang/schema';
import { InvalidInputError, requireText } from '@huishang/subgraph-kit';
import { IllegalStepError, NoUpperLevelError } from '../errors.js';
import type {
  OpinionNature,
  OpinionRoute,
  OpinionStatus,
  Satisfaction,
} from '../generated/prisma/enums.js';
import { requireDeadline } from './colour.js';

/** 民情一点通: review, route, handle, answer, rate. */
export type OpinionAction = 'ACCEPT' | 'REJECT' | 'ROUTE' | 'HANDLE' | 'ANSWER' | 'RATE';

export const opinionStatusLabels: Record<OpinionStatus, string> = {
  SUBMITTED: '已报送',
  REVIEWED: '已审核',
  REJECTED: '未采用',
  DISPATCHED: '已流转',
  HANDLED: '已办理',
  ANSWERED: '已办结反馈',
  RATED: '已评价',
};

const allowed: Record<OpinionStatus, readonly OpinionAction[]> = {
  SUBMITTED: ['ACCEPT', 'REJECT'],
  REVIEWED: ['ROUTE'],
  REJECTED: [],
  DISPATCHED: ['HANDLE'],
  HANDLED: ['ANSWER'],
  ANSWERED: ['RATE'],
  RATED: [],
};

const target: Record<OpinionAction, OpinionStatus> = {
  ACCEPT: 'REVIEWED',
  REJECT: 'REJECTED',
  ROUTE: 'DISPATCHED',
  HANDLE: 'HANDLED',
  ANSWER: 'ANSWERED',
  RATE: 'RATED',
};

export const allowedOpinionActions = (status: OpinionStatus) => allowed[status];

/** The status an action leads to, once the current one is known to allow it. */
export function nextOpinionStatus(current: OpinionStatus, action: OpinionAction): OpinionStatus {
  if (!allowed[current].includes(action))
    throw new IllegalStepError(
      'OPINION',
      current,
      opinionStatusLabels[current],
      action,
      allowed[current],
    );
  return target[action];
}

/** Statuses an item has passed dispatch in (提交党政机关), and those closed (办结反馈). */
export const dispatchedStatuses: readonly OpinionStatus[] = [
  'DISPATCHED',
  'HANDLED',
  'ANSWERED',
  'RATED',
];
export const closedStatuses: readonly OpinionStatus[] = ['ANSWERED', 'RATED'];

/**
 * The committee directly below `region` whose area holds `place` (属地), if the place lies
 * below `region`'s own committee level: a county for a city, a city for the province.
 */
export function committeeBelowFor(region: string, place: string | null): string | null {
  const county = place?.slice(0, 6);
  if (!county || county === region || !isWithin(county, region)) return null;
  return nextLevelUnder(county, region);
}

/**
 * 分级分类 (by place and authority): a concrete everyday problem goes to the one department
 * that handles it, or, with no department of this level named, to the committee below where
 * it happened (属地); one that spans departments becomes a consultation topic; a question of
 * macro policy goes up as social opinion information to the next level.
 */
export function routeOf(
  nature: OpinionNature,
  departments: readonly string[],
  committeeBelow: string | null = null,
): OpinionRoute {
  if (nature === 'POLICY') return 'UPPER_LEVEL';
  if (nature === 'CROSS_DEPARTMENT' || departments.length > 1) return 'CONSULTATION_TOPIC';
  return departments.length === 0 && committeeBelow ? 'LOWER_LEVEL' : 'DEPARTMENT';
}

/** The committee an item routed up or down goes to; null for the other routes. */
export function referralTarget(
  region: string,
  route: OpinionRoute,
  place: string | null,
): string | null {
  if (route === 'LOWER_LEVEL') return committeeBelowFor(region, place);
  if (route !== 'UPPER_LEVEL') return null;
  const upper = getCommitteeRegion(region).parentCode;
  if (!upper) throw new NoUpperLevelError(region);
  return upper;
}

export interface RouteInput {
  nature: OpinionNature;
  /** The departments concerned: one handles a concrete problem. */
  departments?: string[] | null;
  /** Handling deadline (ISO date), for a department. */
  deadline?: string | null;
  /** The consultation topic's title, for an item spanning departments. */
  topicTitle?: string | null;
}

export interface RouteFields {
  route: OpinionRoute;
  nature: OpinionNature;
  department: string | null;
  deadline: Date | null;
  topicTitle: string | null;
  routedTo: string | null;
}

/**
 * Where the item of committee `region`, about `place`, goes at `now`, with what its route
 * needs checked.
 */
export function planRoute(
  item: { region: string; title: string; place: string | null },
  input: RouteInput,
  now: Date,
): RouteFields {
  const departments = (input.departments ?? []).map((d) => requireText('departments', d, 50));
  const route = routeOf(input.nature, departments, committeeBelowFor(item.region, item.place));
  const none = { department: null, deadline: null, topicTitle: null, routedTo: null };
  switch (route) {
    case 'DEPARTMENT': {
      if (departments.length !== 1)
        throw new InvalidInputError(
          'departments',
          '具体问题须指定一个承办部门 / name the one department',
        );
      if (!input.deadline)
        throw new InvalidInputError('deadline', '须设办理时限 / a deadline is required');
      return {
        ...none,
        route,
        nature: input.nature,
        department: departments[0] ?? null,
        deadline: requireDeadline('deadline', input.deadline, now),
      };
    }
    case 'CONSULTATION_TOPIC':
      return {
        ...none,
        route,
        nature: input.nature,
        topicTitle: requireText('topicTitle', input.topicTitle || item.title, 100, 2),
      };
    default:
      return {
        ...none,
        route,
        nature: input.nature,
        routedTo: referralTarget(item.region, route, item.place),
      };
  }
}

/** Satisfied or basically satisfied, as the index counts satisfaction. */
export const isSatisfied = (satisfaction: Satisfaction | null): boolean =>
  satisfaction === 'SATISFIED' || satisfaction === 'BASIC';
