import { describe, expect, it } from 'vitest';
import { type ImportConsultationInput, normaliseImport } from './consultation-import.js';
import { guangchen } from './test-fixtures.js';

const record: ImportConsultationInput = {
  region: '330482',
  title: '农村人居环境整治提升',
  platform: 'LIVELIHOOD_HALL',
  topicSource: 'PUBLIC',
  venue: '330482106',
  heldOn: '2020-06-18',
  participants: [{ name: '村民代表', kind: 'PUBLIC' }],
  suggestions: [{ text: '建立垃圾分类积分制', adoption: 'ADOPTED' }],
};

describe('importing historical consultations', () => {
  it('stores each record closed, with its adoption', () => {
    const [imported] = normaliseImport([record], '330482', [guangchen]);
    expect(imported).toMatchObject({
      region: '330482',
      stage: 'CLOSED',
      venue: '330482106',
      lead: null,
      suggestions: [{ text: '建立垃圾分类积分制', adoption: 'ADOPTED' }],
    });
  });

  it('refuses the batch naming the bad record', () => {
    const bad = { ...record, platform: 'PLEASE_COME_AND_CONSULT' as const, venue: null };
    expect(() => normaliseImport([record, bad], '330482', [guangchen, null])).toThrow(
      expect.objectContaining({
        code: 'CONSULTATIONS_IMPORT_RECORD',
        fields: expect.objectContaining({ index: 1 }),
      }),
    );
    expect(() => normaliseImport([], '330482', [])).toThrow(/1 to 1000/);
  });
});
