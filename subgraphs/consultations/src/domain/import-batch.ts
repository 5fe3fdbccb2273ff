import { HuishangError } from '@huishang/schema';
import { InvalidInputError } from '@huishang/subgraph-kit';
import { ImportRecordError } from '../errors.js';

/** At most this many historical records per import call. */
export const maxImportBatch = 1000;

/**
 * Normalises a batch of historical records as a whole, before anything is written: 1 to
 * `maxImportBatch` of them (else `field` is refused), and the first bad record refuses the
 * batch with its index and reason.
 */
export function normaliseBatch<I, O>(
  field: string,
  records: readonly I[],
  normalise: (record: I, index: number) => O,
): O[] {
  if (records.length === 0 || records.length > maxImportBatch)
    throw new InvalidInputError(
      field,
      `每批 1 至 ${maxImportBatch} 条 / 1 to ${maxImportBatch} records per call`,
    );
  return records.map((record, index) => {
    try {
      return normalise(record, index);
    } catch (error) {
      if (error instanceof HuishangError) throw new ImportRecordError(index, error.message, error);
      throw error;
    }
  });
}
