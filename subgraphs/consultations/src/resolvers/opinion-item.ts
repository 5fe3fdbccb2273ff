import { findRegion, getCommitteeRegion, getRegion, type Region } from '@huishang/schema';
import {
  assertReadableRegion,
  assertWritableRegion,
  canActAs,
  chinaDateAtUtcMidnight,
  ForbiddenError,
  fetchConnection,
  isoDate,
  isoTime,
  NotFoundError,
  type PageArgs,
  type Period,
  periodOf,
  reportByNextLevel,
  requireIdentity,
  requireText,
} from '@huishang/subgraph-kit';
import type { ConsultationsContext } from '../context.js';
import { opinionCountRows } from '../data/opinion-index.js';
import {
  changeOpinionItem,
  countOpinionItems,
  importOpinionItems,
  listOpinionItems,
  type OpinionItem,
  type OpinionItemFilter,
  submitOpinionItem,
} from '../data/opinion-items.js';
import { insertTopic } from '../data/topics.js';
import { assertStaffOrSubmitter, assertStaffOrUnit, submitterFor } from '../domain/access.js';
import { opinionColour } from '../domain/colour.js';
import { type ImportedOpinionItemInput, normaliseImport } from '../domain/opinion-import.js';
import { summariseOpinionItems } from '../domain/opinion-index.js';
import { normaliseOpinionItem, type OpinionItemInput } from '../domain/opinion-input.js';
import {
  allowedOpinionActions,
  nextOpinionStatus,
  type OpinionAction,
  planRoute,
  type RouteInput,
} from '../domain/opinion-lifecycle.js';
import { canSeeTopic, normaliseTopic } from '../domain/topics.js';
import type { OpinionItemEventName } from '../events/opinion-item-snapshot.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Satisfaction } from '../generated/prisma/enums.js';
import { loadReadable, memberReference } from './readable.js';
import type { StatisticsArgs } from './statistics.js';

type Owned<T> = { input: T & { region: string } };
type IndexFigures = ReturnType<typeof summariseOpinionItems>;

const regionRef = (code: string | null) => (code ? { code } : null);

/** The item to change, once it exists here. */
async function currentItem(id: string, context: ConsultationsContext) {
  const item = await context.opinionItemById.load(id);
  if (!item) throw new NotFoundError('OpinionItem', id);
  return item;
}

/** The item to change, once the caller is known to own it. */
async function writableItem(id: string, context: ConsultationsContext) {
  const item = await currentItem(id, context);
  assertWritableRegion(context.identity, item.region);
  return item;
}

/**
 * Takes `action` on the item: the state machine checks it against the row as locked in the
 * transaction, which then writes `fields` with the new status and records `event`.
 */
const takeStep = (
  context: ConsultationsContext,
  item: OpinionItem,
  event: OpinionItemEventName,
  action: OpinionAction,
  fields: Prisma.OpinionItemUpdateInput,
) =>
  changeOpinionItem(context.db(), context.sink(), item.id, event, (current) => ({
    ...fields,
    status: nextOpinionStatus(current.status, action),
  }));

/**
 * The index of `region`'s subtree, by the next level down, as of Beijing's today; the
 * entry for `region` itself among those covers its own committee only.
 */
async function opinionIndexOf(
  region: string,
  context: ConsultationsContext,
  period: Period | null = null,
) {
  const rows = await opinionCountRows(
    context.db(),
    region,
    chinaDateAtUtcMidnight(new Date()),
    period,
  );
  const report = reportByNextLevel(region, rows, summariseOpinionItems);
  return {
    total: { ...report.total, subtree: true },
    byRegion: report.byRegion.map((r) => ({ ...r, subtree: r.region !== region })),
  };
}

export const opinionItemResolvers = {
  __resolveReference: (reference: { id: string }, context: ConsultationsContext) =>
    loadReadable(context, (id) => context.opinionItemById.load(id), reference.id),
  region: (item: OpinionItem) => ({ code: item.region }),
  place: (item: OpinionItem) => regionRef(item.place),
  submitter: (item: OpinionItem) => memberReference(item.submitterId),
  deadline: (item: OpinionItem) => isoDate(item.deadline),
  colour: (item: OpinionItem) => opinionColour(item, new Date()),
  routedTo: (item: OpinionItem) => regionRef(item.routedTo),
  // The topic the item became, if it did and the caller may see it: one still pending
  // (as routing leaves it) or rejected is the office's alone.
  topic: async (item: OpinionItem, _: unknown, context: ConsultationsContext) => {
    const topic = item.topicId ? await context.topicById.load(item.topicId) : null;
    return topic && canSeeTopic(requireIdentity(context.identity), topic) ? topic : null;
  },
  sourceRegion: (item: OpinionItem) => regionRef(item.sourceRegion),
  // The original lies below this node: its replica answers, if it has arrived.
  sourceItem: (item: OpinionItem, _: unknown, context: ConsultationsContext) =>
    item.sourceItemId
      ? loadReadable(context, (id) => context.opinionItemById.load(id), item.sourceItemId)
      : null,
  allowedActions: (item: OpinionItem) => allowedOpinionActions(item.status),
  dispatchedAt: (item: OpinionItem) => (item.dispatchedAt ? isoTime(item.dispatchedAt) : null),
  closedAt: (item: OpinionItem) => (item.closedAt ? isoTime(item.closedAt) : null),
  createdAt: (item: OpinionItem) => isoTime(item.createdAt),
  updatedAt: (item: OpinionItem) => isoTime(item.updatedAt),
};

export const opinionIndexResolvers = {
  __resolveReference: async (
    reference: { region: string; subtree: boolean },
    context: ConsultationsContext,
  ) => {
    assertReadableRegion(context.identity, reference.region);
    const report = await opinionIndexOf(reference.region, context);
    return reference.subtree
      ? report.total
      : (report.byRegion.find((r) => r.region === reference.region) ?? {
          ...summariseOpinionItems(reference.region, []),
          subtree: false,
        });
  },
  committee: (index: IndexFigures) => ({ code: index.region }),
};

export const opinionItemQueries = {
  opinionItem: (_: unknown, args: { id: string }, context: ConsultationsContext) =>
    loadReadable(context, (id) => context.opinionItemById.load(id), args.id),
  opinionItems: (
    _: unknown,
    args: OpinionItemFilter & PageArgs & { overdue?: boolean | null },
    context: ConsultationsContext,
  ) => {
    assertReadableRegion(context.identity, args.region);
    const filter = { ...args, overdueOn: args.overdue ? chinaDateAtUtcMidnight(new Date()) : null };
    return fetchConnection(
      args,
      (idBefore, take) => listOpinionItems(context.db(), filter, idBefore, take),
      () => countOpinionItems(context.db(), filter),
    );
  },
  opinionIndex: (_: unknown, args: StatisticsArgs, context: ConsultationsContext) => {
    assertReadableRegion(context.identity, args.region);
    return opinionIndexOf(args.region, context, periodOf(args.period, { terms: false }));
  },
};

export const opinionItemMutations = {
  /** A member submits as themselves; staff on a member's behalf. */
  async submitOpinionItem(
    _: unknown,
    { input }: Owned<OpinionItemInput & { place?: string | null }>,
    context: ConsultationsContext,
  ) {
    const caller = requireIdentity(context.identity);
    const submitterId = submitterFor(caller, input.region, input.submitterId);
    const place = input.place ? await getRegion(input.place) : null;
    const fields = normaliseOpinionItem(input.region, { ...input, submitterId }, place);
    return submitOpinionItem(context.db(), context.sink(), input.region, fields);
  },

  async reviewOpinionItem(
    _: unknown,
    args: { id: string; input: { accept: boolean; reason?: string | null } },
    context: ConsultationsContext,
  ) {
    const item = await writableItem(args.id, context);
    const { accept } = args.input;
    const rejectionReason = accept ? null : requireText('reason', args.input.reason, 500);
    return takeStep(context, item, 'reviewed', accept ? 'ACCEPT' : 'REJECT', { rejectionReason });
  },

  /**
   * Routes by the rule. An item spanning departments becomes a consultation topic (委员荐题,
   * for the chair's meeting) in the same transaction; one for the level above, or for the
   * committee below where it happened, goes there as a command recorded in that transaction
   * too (never routed without being referred), which waits durably while that node is offline.
   */
  async routeOpinionItem(
    _: unknown,
    args: { id: string; input: RouteInput },
    context: ConsultationsContext,
  ) {
    const item = await writableItem(args.id, context);
    const fields = planRoute(item, args.input, new Date());
    return changeOpinionItem(
      context.db(),
      context.sink(),
      item.id,
      'routed',
      async (current, tx) => {
        const status = nextOpinionStatus(current.status, 'ROUTE');
        if (fields.routedTo) {
          // Routing leaves these fields as they are: the referral carries the item as routed.
          const { id, region, title, body, category, place, submitterId } = current;
          await context.commands.sendIn(tx, {
            aggregate: 'opinion-item',
            name: 'refer',
            owner: fields.routedTo,
            payload: { item: { id, region, title, body, category, place, submitterId } },
          });
        }
        const topic = fields.topicTitle
          ? await insertTopic(
              tx,
              context.sink(),
              current.region,
              normaliseTopic(
                { title: fields.topicTitle, description: current.body, proposedBy: '民情一点通' },
                'MEMBERS',
              ),
            )
          : null;
        return { status, ...fields, topicId: topic?.id ?? null, dispatchedAt: new Date() };
      },
    );
  },

  async handleOpinionItem(
    _: unknown,
    args: { id: string; handling: string },
    context: ConsultationsContext,
  ) {
    const item = await currentItem(args.id, context);
    assertStaffOrUnit(requireIdentity(context.identity), item.region, item.department);
    const handling = requireText('handling', args.handling, 5000);
    return takeStep(context, item, 'handled', 'HANDLE', { handling });
  },

  async answerOpinionItem(
    _: unknown,
    args: { id: string; answer: string },
    context: ConsultationsContext,
  ) {
    const item = await writableItem(args.id, context);
    const answer = requireText('answer', args.answer, 5000);
    return takeStep(context, item, 'answered', 'ANSWER', { answer, closedAt: new Date() });
  },

  async rateOpinionItem(
    _: unknown,
    args: { id: string; satisfaction: Satisfaction },
    context: ConsultationsContext,
  ) {
    const item = await currentItem(args.id, context);
    assertStaffOrSubmitter(requireIdentity(context.identity), item.region, item.submitterId);
    return takeStep(context, item, 'rated', 'RATE', { satisfaction: args.satisfaction });
  },

  /** Historical items, admin only, checked as a whole before anything is written. */
  async importOpinionItems(
    _: unknown,
    args: { region: string; items: ImportedOpinionItemInput[] },
    context: ConsultationsContext,
  ) {
    const caller = requireIdentity(context.identity);
    getCommitteeRegion(args.region);
    if (!canActAs(caller, args.region, 'admin'))
      throw new ForbiddenError('write', args.region, caller.region);
    const codes = [...new Set(args.items.flatMap((i) => (i.place ? [i.place] : [])))];
    const places = new Map<string, Region>();
    for (const code of codes) {
      const region = await findRegion(code);
      if (region) places.set(code, region);
    }
    const rows = normaliseImport(args.region, args.items, places);
    return importOpinionItems(context.db(), context.sink(), args.region, rows);
  },
};
