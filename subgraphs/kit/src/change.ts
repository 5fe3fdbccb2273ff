import { NotFoundError, VersionConflictError } from './errors.js';

/** A row that carries its aggregate's version. */
export interface Versioned {
  id: string;
  version: number;
}

/**
 * How `changeVersioned` reaches one aggregate's table: two statements over its Prisma
 * delegate, written once per aggregate.
 */
export interface VersionedTable<Tx, Row extends Versioned, Fields> {
  /** The aggregate's name in a VersionConflictError, e.g. `Proposal`. */
  entity: string;
  /**
   * Moves the row one version on and returns it as it now stands, or undefined when there
   * is none: `UPDATE … SET version = version + 1 WHERE id = $1 RETURNING *`. The update
   * holds the row's lock until the transaction ends.
   */
  lock(tx: Tx, id: string): Promise<Row | undefined>;
  /** Writes planned fields on the locked row and returns the row as written. */
  update(tx: Tx, id: string, fields: Fields): Promise<Row>;
}

/** The two statements of a Prisma model's delegate that `versionedTable` sends. */
export interface VersionedDelegate<Row, Fields> {
  updateManyAndReturn(args: {
    where: { id: string };
    data: { version: { increment: number } };
  }): PromiseLike<Row[]>;
  update(args: { where: { id: string }; data: Fields }): PromiseLike<Row>;
}

/**
 * The VersionedTable of a Prisma model, its types taken from the delegate:
 * `versionedTable('Proposal', (tx: Prisma.TransactionClient) => tx.proposal)`.
 */
export const versionedTable = <Tx, Row extends Versioned, Fields extends object>(
  entity: string,
  delegateOf: (tx: Tx) => VersionedDelegate<Row, Fields>,
): VersionedTable<Tx, Row, Fields> => ({
  entity,
  lock: async (tx, id) =>
    (
      await delegateOf(tx).updateManyAndReturn({
        where: { id },
        data: { version: { increment: 1 } },
      })
    )[0],
  update: async (tx, id, fields) => delegateOf(tx).update({ where: { id }, data: fields }),
});

/** What a change writes: fields of the row, and rows it adds (returned as written). */
export interface ChangePlan<Tx, Row, Fields, Added> {
  fields?: Fields;
  add?: (tx: Tx, row: Row) => Promise<Added>;
}

export interface VersionedChange<Tx, Row, Fields, Added, Result> {
  id: string;
  /**
   * The version the change was planned on, when the caller read the record before the
   * transaction (a resolver's check, a client's `expectedVersion`). Without it the change
   * is planned on the locked row itself, which nobody can change meanwhile.
   */
  readAt?: number;
  /**
   * Decides the change from the locked row, as it now stands; it may refuse (a decision
   * already taken names the state it left, before any version), or write in `tx` what
   * the change links to.
   */
  plan(
    locked: Row,
    tx: Tx,
  ): ChangePlan<Tx, Row, Fields, Added> | Promise<ChangePlan<Tx, Row, Fields, Added>>;
  /**
   * Records the event (or events) in the outbox and returns the result, built from the
   * row as written and what `add` returned, never from another read of the record.
   */
  record(tx: Tx, row: Row, added: Added | undefined): Promise<Result>;
}

const hasFields = (fields: object | undefined): fields is object =>
  fields !== undefined && Object.keys(fields).length > 0;

/**
 * One versioned change of one record inside the caller's transaction, under one rule for
 * every aggregate: the first statement moves the row one version on, which locks it until
 * commit, so concurrent changes of a record take turns; a change planned on an earlier
 * read (`readAt`) is refused if the record moved since, with a VersionConflictError naming
 * the version it has; then the planned fields and rows are written and the event is
 * recorded from what the writes returned.
 */
export async function changeVersioned<
  Tx,
  Row extends Versioned,
  Fields extends object,
  Added,
  Result,
>(
  tx: Tx,
  table: VersionedTable<Tx, Row, Fields>,
  change: VersionedChange<Tx, Row, Fields, Added, Result>,
): Promise<Result> {
  const { id, readAt } = change;
  const locked = await table.lock(tx, id);
  if (!locked) {
    if (readAt === undefined) throw new NotFoundError(table.entity, id);
    throw new VersionConflictError(table.entity, id, readAt, 0);
  }
  const plan = await change.plan(locked, tx);
  const current = locked.version - 1;
  if (readAt !== undefined && current !== readAt)
    throw new VersionConflictError(table.entity, id, readAt, current);
  const row = hasFields(plan.fields) ? await table.update(tx, id, plan.fields) : locked;
  const added = plan.add ? await plan.add(tx, row) : undefined;
  return change.record(tx, row, added);
}
