import { describe, expect, it } from 'vitest';
import { newAggregateId, newId, originOfId } from './ids.js';

describe('aggregate ids', () => {
  it('name the region that created them and still sort by creation time', async () => {
    const first = newAggregateId('330521');
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = newAggregateId('310116');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(originOfId(first)).toBe('330521');
    expect(originOfId(second)).toBe('310116');
    expect(first < second).toBe(true);
    expect(originOfId(newAggregateId('110000'))).toBe('110000');
  });

  it('name no origin for other ids', () => {
    expect(originOfId(newId())).toBeNull();
    expect(originOfId('not-a-uuid')).toBeNull();
    expect(() => newAggregateId('3305')).toThrow('not a region code: 3305');
  });
});
