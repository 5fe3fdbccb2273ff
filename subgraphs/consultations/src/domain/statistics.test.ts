import { describe, expect, it } from 'vitest';
import { summariseConsultations } from './statistics.js';

describe('consultation statistics', () => {
  it('adds up consultations, participants and adopted suggestions', () => {
    const rows = [
      {
        region: '330482',
        platform: 'LIVELIHOOD_HALL' as const,
        lead: null,
        participants: 30,
        attended: 28,
        suggestions: 12,
        adopted: 9,
      },
      {
        region: '330482',
        platform: 'LIVELIHOOD_HALL' as const,
        lead: null,
        participants: 25,
        attended: 25,
        suggestions: 8,
        adopted: 7,
      },
      {
        region: '330482',
        platform: 'PLEASE_COME_AND_CONSULT' as const,
        lead: 'SECTORS' as const,
        participants: 40,
        attended: 36,
        suggestions: 20,
        adopted: 14,
      },
    ];
    expect(summariseConsultations('330482', rows)).toEqual({
      region: { code: '330482' },
      consultations: 3,
      participants: 95,
      attendedParticipants: 89,
      suggestions: 40,
      adoptedSuggestions: 30,
      adoptionRate: 0.75,
      byPlatform: [
        { platform: 'LIVELIHOOD_HALL', count: 2 },
        { platform: 'PLEASE_COME_AND_CONSULT', count: 1 },
      ],
      byLead: [{ lead: 'SECTORS', count: 1 }],
    });
  });

  it('has no rate without suggestions', () => {
    expect(summariseConsultations('330400', []).adoptionRate).toBeNull();
  });
});
