import type { Region } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { normaliseOpinionItem } from './opinion-input.js';
import { normaliseSupervisionTask } from './supervision-input.js';

const village: Region = {
  code: '330503100201',
  name: '某村',
  level: 'VILLAGE',
  parentCode: '330503100',
};

const item = {
  title: '村道路灯损坏',
  body: '南浔镇某村村道路灯损坏多日，群众夜间出行不便。',
  category: '民生',
};

describe('opinion items and supervision tasks', () => {
  it('accepts an opinion item about a place in the region', () => {
    expect(normaliseOpinionItem('330503', item, village)).toMatchObject({
      place: '330503100201',
      submitterId: null,
    });
  });

  it('takes a town or a village as the place, not a county', () => {
    const county: Region = {
      code: '330503',
      name: '南浔区',
      level: 'COUNTY',
      parentCode: '330500',
    };
    expect(() => normaliseOpinionItem('330503', item, county)).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT', fields: { field: 'place' } }),
    );
  });

  it('refuses a place outside the region', () => {
    expect(() => normaliseOpinionItem('330482', item, village)).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_PLACE_OUTSIDE_REGION' }),
    );
  });

  it('checks a supervision task title and deadline', () => {
    const task = { title: '河道保洁', source: 'MEDIA' as const, committee: '人资环委' };
    expect(normaliseSupervisionTask({ ...task, deadline: '2025-09-30' }).deadline).toEqual(
      new Date('2025-09-30T00:00:00Z'),
    );
    expect(() => normaliseSupervisionTask({ ...task, title: ' ' })).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT' }),
    );
    expect(() => normaliseSupervisionTask({ ...task, deadline: '30/09/2025' })).toThrow(
      expect.objectContaining({ code: 'KIT_INVALID_INPUT' }),
    );
  });
});
