import { describe, expect, it } from 'vitest';
import {
  type SupervisionCountRow,
  summariseConsultations,
  summariseSupervisionTasks,
} from './statistics.js';

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

describe('supervision statistics', () => {
  it('counts tasks by step and colour, the red ones as overdue, and their reminders', () => {
    const rows: SupervisionCountRow[] = [
      { region: '330723', status: 'LETTER_ISSUED', colour: 'RED', tasks: 2, reminders: 5 },
      { region: '330723', status: 'LETTER_ISSUED', colour: 'GREEN', tasks: 1, reminders: 0 },
      { region: '330723', status: 'INSPECTING', colour: 'YELLOW', tasks: 3, reminders: 0 },
      { region: '330723', status: 'INSPECTING', colour: null, tasks: 4, reminders: 0 },
      { region: '330723', status: 'CLOSED', colour: null, tasks: 6, reminders: 2 },
    ];
    expect(summariseSupervisionTasks('330723', rows)).toEqual({
      region: { code: '330723' },
      total: 16,
      byStatus: [
        { status: 'CLOSED', count: 6 },
        { status: 'INSPECTING', count: 7 },
        { status: 'LETTER_ISSUED', count: 3 },
      ],
      byColour: [
        { colour: 'GREEN', count: 1 },
        { colour: 'RED', count: 2 },
        { colour: 'YELLOW', count: 3 },
      ],
      overdue: 2,
      reminders: 7,
    });
  });

  it('is all zeros for a region without tasks', () => {
    expect(summariseSupervisionTasks('330700', [])).toEqual({
      region: { code: '330700' },
      total: 0,
      byStatus: [],
      byColour: [],
      overdue: 0,
      reminders: 0,
    });
  });
});
