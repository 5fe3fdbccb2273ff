import { describe, expect, it } from 'vitest';
import { watchSubject } from './caller-scope.js';

const identity = { subject: '李明', region: '330503', roles: ['staff' as const], node: '330503' };

describe('watchSubject', () => {
  it('notes nothing while only the node, region and roles are read', () => {
    const watched = watchSubject(identity);
    expect([watched.identity?.node, watched.identity?.region, watched.identity?.roles]).toEqual([
      '330503',
      '330503',
      ['staff'],
    ]);
    expect(watched.subjectRead()).toBe(false);
  });

  it('notes the subject read, also by a spread or JSON', () => {
    const direct = watchSubject(identity);
    expect(direct.identity?.subject).toBe('李明');
    expect(direct.subjectRead()).toBe(true);
    const spread = watchSubject(identity);
    expect({ ...spread.identity }.subject).toBe('李明');
    expect(spread.subjectRead()).toBe(true);
    const json = watchSubject(identity);
    JSON.stringify(json.identity);
    expect(json.subjectRead()).toBe(true);
  });

  it('cannot be changed by a resolver', () => {
    const { identity: watched } = watchSubject(identity);
    expect(() => Object.assign(watched as object, { region: '330000' })).toThrow(TypeError);
  });
});
