import { describe, expect, it } from 'vitest';
import {
  committeeBelowFor,
  nextOpinionStatus,
  planRoute as planAt,
  routeOf,
} from './opinion-lifecycle.js';

const now = new Date('2025-09-01T02:00:00Z');
const planRoute = (
  region: string,
  title: string,
  input: Parameters<typeof planAt>[1],
  place: string | null = null,
) => planAt({ region, title, place }, input, now);

describe('opinion item steps', () => {
  it('goes from review through routing, handling and answer to rating', () => {
    const path: string[] = ['SUBMITTED'];
    for (const action of ['ACCEPT', 'ROUTE', 'HANDLE', 'ANSWER', 'RATE'] as const)
      path.push(nextOpinionStatus(path.at(-1) as 'SUBMITTED', action));
    expect(path).toEqual(['SUBMITTED', 'REVIEWED', 'DISPATCHED', 'HANDLED', 'ANSWERED', 'RATED']);
    expect(nextOpinionStatus('SUBMITTED', 'REJECT')).toBe('REJECTED');
  });

  it('refuses a step out of order, naming the state and the allowed steps', () => {
    expect(() => nextOpinionStatus('SUBMITTED', 'ROUTE')).toThrow(
      expect.objectContaining({
        code: 'CONSULTATIONS_OPINION_ILLEGAL_STEP',
        fields: { state: 'SUBMITTED', action: 'ROUTE', allowed: ['ACCEPT', 'REJECT'] },
        message: expect.stringContaining('已报送'),
      }),
    );
    expect(() => nextOpinionStatus('REJECTED', 'ACCEPT')).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ allowed: [] }) }),
    );
  });
});

describe('routing (分级分类)', () => {
  it('sends a concrete problem to its department, a cross-department one to consultation, policy up', () => {
    expect(routeOf('CONCRETE', ['武义县交通运输局'])).toBe('DEPARTMENT');
    expect(routeOf('CONCRETE', ['武义县交通运输局', '武义县公安局'])).toBe('CONSULTATION_TOPIC');
    expect(routeOf('CROSS_DEPARTMENT', [])).toBe('CONSULTATION_TOPIC');
    expect(routeOf('POLICY', ['武义县交通运输局'])).toBe('UPPER_LEVEL');
  });

  it('sends a concrete problem without a department of its own to the committee of the place', () => {
    expect(committeeBelowFor('330700', '330723100')).toBe('330723');
    expect(committeeBelowFor('330000', '330723100')).toBe('330700');
    expect(committeeBelowFor('330723', '330723100')).toBeNull();
    expect(committeeBelowFor('330700', null)).toBeNull();
    expect(routeOf('CONCRETE', [], '330723')).toBe('LOWER_LEVEL');
    expect(routeOf('CONCRETE', ['金华市交通运输局'], '330723')).toBe('DEPARTMENT');
    expect(planRoute('330700', '桐琴镇路灯不亮', { nature: 'CONCRETE' }, '330723102')).toEqual({
      route: 'LOWER_LEVEL',
      nature: 'CONCRETE',
      department: null,
      deadline: null,
      topicTitle: null,
      routedTo: '330723',
    });
  });

  it('plans each route with what it needs', () => {
    expect(
      planRoute('330723', '路灯不亮', {
        nature: 'CONCRETE',
        departments: ['武义县住房和城乡建设局'],
        deadline: '2025-10-15',
      }),
    ).toEqual({
      route: 'DEPARTMENT',
      nature: 'CONCRETE',
      department: '武义县住房和城乡建设局',
      deadline: new Date('2025-10-15T00:00:00Z'),
      topicTitle: null,
      routedTo: null,
    });
    expect(planRoute('330723', '农村客运班线', { nature: 'CROSS_DEPARTMENT' })).toMatchObject({
      route: 'CONSULTATION_TOPIC',
      topicTitle: '农村客运班线',
    });
    expect(planRoute('330723', '医保异地结算', { nature: 'POLICY' })).toMatchObject({
      route: 'UPPER_LEVEL',
      routedTo: '330700',
    });
    expect(planRoute('330700', '医保异地结算', { nature: 'POLICY' }).routedTo).toBe('330000');
  });

  it('refuses a department route without one department and a deadline, and the province raising', () => {
    expect(() => planRoute('330723', '路灯', { nature: 'CONCRETE', departments: [] })).toThrow(
      expect.objectContaining({ fields: { field: 'departments' } }),
    );
    expect(() =>
      planRoute('330723', '路灯', { nature: 'CONCRETE', departments: ['武义县住建局'] }),
    ).toThrow(expect.objectContaining({ fields: { field: 'deadline' } }));
    expect(() =>
      planRoute('330723', '路灯', {
        nature: 'CONCRETE',
        departments: ['武义县住建局'],
        deadline: '2025-08-31',
      }),
    ).toThrow(expect.objectContaining({ message: expect.stringContaining('早于今天') }));
    expect(() => planRoute('330000', '医保', { nature: 'POLICY' })).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_NO_UPPER_LEVEL' }),
    );
  });
});
