import { InvalidInputError } from '@huishang/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { maxImportBatch, normaliseBatch } from './import-batch.js';

const double = (n: number) => {
  if (n < 0) throw new InvalidInputError('n', '负数 / negative');
  return n * 2;
};

describe('normaliseBatch', () => {
  it('normalises every record, in order', () => {
    expect(normaliseBatch('records', [1, 2, 3], double)).toEqual([2, 4, 6]);
  });

  it('refuses an empty batch or one over the limit, naming the field', () => {
    for (const batch of [[], Array<number>(maxImportBatch + 1).fill(1)])
      expect(() => normaliseBatch('items', batch, double)).toThrow(
        expect.objectContaining({
          code: 'KIT_INVALID_INPUT',
          fields: expect.objectContaining({ field: 'items' }),
        }),
      );
  });

  it('refuses the batch at the first bad record, with its index and reason', () => {
    expect(() => normaliseBatch('records', [1, -1, -2], double)).toThrow(
      expect.objectContaining({
        code: 'CONSULTATIONS_IMPORT_RECORD',
        fields: expect.objectContaining({ index: 1 }),
        message: expect.stringContaining('负数'),
      }),
    );
  });
});
