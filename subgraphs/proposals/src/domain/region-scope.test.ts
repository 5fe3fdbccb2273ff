import { describe, expect, it } from 'vitest';
import { subtreePrefix } from './region-scope.js';

describe('region subtree prefix', () => {
  it('covers a province, a city or a county and what lies beneath', () => {
    expect(subtreePrefix({ code: '330000', level: 'PROVINCE' })).toBe('33');
    expect(subtreePrefix({ code: '330500', level: 'CITY' })).toBe('3305');
    expect(subtreePrefix({ code: '330503', level: 'COUNTY' })).toBe('330503');
  });
});
