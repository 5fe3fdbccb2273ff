import type { Region } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { type ImportedOpinionItemInput, normaliseImport } from './opinion-import.js';

const town: Region = { code: '330723100', name: '柳城畲族镇', level: 'TOWN', parentCode: '330723' };
const places = new Map([[town.code, town]]);
const closed: ImportedOpinionItemInput = {
  title: '柳城镇区老旧小区加装电梯进度慢',
  body: '多个老旧小区居民反映加装电梯审批环节多、进度慢。',
  category: '城乡建设',
  place: town.code,
  status: 'RATED',
  route: 'DEPARTMENT',
  nature: 'CONCRETE',
  department: '武义县住房和城乡建设局',
  deadline: '2021-08-31',
  answer: '已简化审批流程，3 个小区完成加装。',
  satisfaction: 'SATISFIED',
  submittedAt: '2021-07-02T01:00:00Z',
  dispatchedAt: '2021-07-03T01:00:00Z',
  closedAt: '2021-08-20T01:00:00Z',
};

describe('importing historical opinion items', () => {
  it('keeps each record’s final state and times', () => {
    const [row] = normaliseImport('330723', [closed], places);
    expect(row).toMatchObject({
      status: 'RATED',
      route: 'DEPARTMENT',
      satisfaction: 'SATISFIED',
      place: '330723100',
      createdAt: new Date('2021-07-02T01:00:00Z'),
      closedAt: new Date('2021-08-20T01:00:00Z'),
      deadline: new Date('2021-08-31T00:00:00Z'),
    });
  });

  it('links a policy question to the level above and a cross-department one to its topic', () => {
    const [up, topic] = normaliseImport(
      '330723',
      [
        { ...closed, route: 'UPPER_LEVEL', nature: 'POLICY' },
        { ...closed, route: 'CONSULTATION_TOPIC', department: null },
      ],
      places,
    );
    expect(up).toMatchObject({ routedTo: '330700', topicTitle: null });
    expect(topic).toMatchObject({ routedTo: null, topicTitle: closed.title });
  });

  it('refuses the whole batch at the first bad record, naming its index and reason', () => {
    const noRoute = { ...closed, route: null };
    expect(() => normaliseImport('330723', [closed, noRoute], places)).toThrow(
      expect.objectContaining({
        code: 'CONSULTATIONS_IMPORT_RECORD',
        fields: { index: 1, problem: expect.stringContaining('route') },
      }),
    );
    const unrated = { ...closed, satisfaction: null };
    expect(() => normaliseImport('330723', [unrated], places)).toThrow(
      expect.objectContaining({ fields: expect.objectContaining({ index: 0 }) }),
    );
    expect(() => normaliseImport('330700', [{ ...closed, place: '330102' }], places)).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_IMPORT_RECORD' }),
    );
  });

  it('takes 1 to 1000 records per call', () => {
    expect(() => normaliseImport('330723', [], places)).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT' }),
    );
    expect(() => normaliseImport('330723', Array(1001).fill(closed), places)).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT' }),
    );
  });
});
