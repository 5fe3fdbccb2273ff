import { assertReadableRegion, type PeriodInput, periodOf } from '@huishang/subgraph-kit';
import type { ProposalsContext } from '../context.js';
import {
  defineHandlingUnit,
  findDirectory,
  handlingUnitCountRows,
} from '../data/handling-units.js';
import { actorOf } from '../domain/actors.js';
import {
  planUnitDefinition,
  summariseHandlingUnits,
  type UnitDefinitionInput,
} from '../domain/handling-units.js';

/** A committee's directory of handling units and the league table counted against it. */
export const handlingUnitQueryResolvers = {
  handlingUnits(_: unknown, args: { region: string }, context: ProposalsContext) {
    assertReadableRegion(context.identity, args.region);
    return findDirectory(context.db(), args.region);
  },

  /** The committee's own proposals (not its subtree): units are its own departments. */
  async handlingUnitStatistics(
    _: unknown,
    args: { region: string; period?: PeriodInput | null },
    context: ProposalsContext,
  ) {
    assertReadableRegion(context.identity, args.region);
    const period = periodOf(args.period, { terms: true });
    const [rows, directory] = await Promise.all([
      handlingUnitCountRows(context.db(), context.sink().schema, args.region, new Date(), period),
      findDirectory(context.db(), args.region),
    ]);
    return summariseHandlingUnits(rows, directory);
  },
};

export const handlingUnitMutationResolvers = {
  /** The committee's staff (as for setProposalRules) define a unit, anew or again. */
  defineHandlingUnit(
    _: unknown,
    { input }: { input: UnitDefinitionInput },
    context: ProposalsContext,
  ) {
    const actor = actorOf(context.identity, input.region);
    return defineHandlingUnit(
      context.db(),
      input.region,
      (known) => planUnitDefinition(input, known),
      actor.subject,
      new Date(),
    );
  },
};

export const handlingUnitEntryResolvers = {
  region: (entry: { region: string }) => ({ code: entry.region }),
};
