import { describe, expect, it } from 'vitest';
import { summariseConsultations } from './statistics.js';

describe('consultation statistics', () => {
  it('adds up consultations, participants and adopted suggestions', () => {
    const rows = [
      {
        region: '330482',
        platform: 'LIVELIHOOD_HALL' as const,
        participants: 30,
        suggestions: 12,
        adopted: 9,
      },
      {
        region: '330482',
        platform: 'LIVELIHOOD_HALL' as const,
        participants: 25,
        suggestions: 8,
        adopted: 7,
      },
      {
        region: '330482',
        platform: 'PLEASE_COME_AND_CONSULT' as const,
        participants: 40,
        suggestions: 20,
        adopted: 14,
      },
    ];
    expect(summariseConsultations('330482', rows)).toEqual({
      region: { code: '330482' },
      consultations: 3,
      participants: 95,
      suggestions: 40,
      adoptedSuggestions: 30,
      adoptionRate: 0.75,
      byPlatform: [
        { platform: 'LIVELIHOOD_HALL', count: 2 },
        { platform: 'PLEASE_COME_AND_CONSULT', count: 1 },
      ],
    });
  });

  it('has no rate without suggestions', () => {
    expect(summariseConsultations('330400', []).adoptionRate).toBeNull();
  });
});
