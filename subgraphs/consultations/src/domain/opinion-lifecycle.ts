import { getCommitteeRegion } from '@huishang/schema';
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
 * 分级分类: a concrete everyday problem goes to the one department that handles it; one
 * that spans departments becomes a consultation topic; a question of macro policy goes up
 * as social opinion information to the next level.
 */
export function routeOf(nature: OpinionNature, departments: readonly string[]): OpinionRoute {
  if (nature === 'POLICY') return 'UPPER_LEVEL';
  if (nature === 'CROSS_DEPARTMENT' || departments.length > 1) return 'CONSULTATION_TOPIC';
  return 'DEPARTMENT';
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
  raisedTo: string | null;
}

/** Where the item of committee `region` goes at `now`, with what its route needs checked. */
export function planRoute(
  region: string,
  title: string,
  input: RouteInput,
  now: Date,
): RouteFields {
  const departments = (input.departments ?? []).map((d) => requireText('departments', d, 50));
  const route = routeOf(input.nature, departments);
  const none = { department: null, deadline: null, topicTitle: null, raisedTo: null };
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
        topicTitle: requireText('topicTitle', input.topicTitle || title, 100, 2),
      };
    case 'UPPER_LEVEL': {
      const upper = getCommitteeRegion(region).parentCode;
      if (!upper) throw new NoUpperLevelError(region);
      return { ...none, route, nature: input.nature, raisedTo: upper };
    }
  }
}

/** Satisfied or basically satisfied, as the index counts satisfaction. */
export const isSatisfied = (satisfaction: Satisfaction | null): boolean =>
  satisfaction === 'SATISFIED' || satisfaction === 'BASIC';
