import { describe, expect, it } from 'vitest';
import {
  answerColour,
  answerDue,
  assertRecipientStep,
  canActForRecipient,
  normaliseMinutes,
  signOffColour,
  signOffDue,
} from './minutes.js';

const sentAt = new Date('2025-03-10T02:00:00Z');
const open = { name: '平湖市住房和城乡建设局', signedOffAt: null, answeredAt: null };
const day = (d: Date) => d.toISOString().slice(0, 10);

describe('minutes and their recipients', () => {
  it('sets sign-off 7 days and the answer 3 months after sending', () => {
    expect(day(signOffDue(sentAt))).toBe('2025-03-17');
    expect(day(answerDue(sentAt))).toBe('2025-06-10');
  });

  it('colours an open sign-off green, then yellow, then red', () => {
    expect(signOffColour(open, sentAt, new Date('2025-03-12T02:00:00Z'))).toBe('GREEN');
    expect(signOffColour(open, sentAt, new Date('2025-03-16T02:00:00Z'))).toBe('YELLOW');
    expect(signOffColour(open, sentAt, new Date('2025-03-18T02:00:00Z'))).toBe('RED');
    const signed = { ...open, signedOffAt: new Date('2025-03-11T02:00:00Z') };
    expect(signOffColour(signed, sentAt, new Date('2025-03-18T02:00:00Z'))).toBeNull();
    expect(answerColour(signed, sentAt, new Date('2025-05-30T02:00:00Z'))).toBe('YELLOW');
    expect(answerColour(signed, sentAt, new Date('2025-06-11T02:00:00Z'))).toBe('RED');
  });

  it('answers only after signing off, each once', () => {
    expect(() => assertRecipientStep(open, 'answer')).toThrow(
      expect.objectContaining({ code: 'CONSULTATIONS_RECIPIENT_STEP' }),
    );
    const signed = { ...open, signedOffAt: sentAt };
    expect(() => assertRecipientStep(signed, 'signOff')).toThrow(/already signed off/);
    expect(() => assertRecipientStep(signed, 'answer')).not.toThrow();
  });

  it('needs a recipient, each named once', () => {
    expect(() => normaliseMinutes('协商纪要正文：共提出意见建议十二条', [])).toThrow(/recipient/);
    expect(() =>
      normaliseMinutes('协商纪要正文：共提出意见建议十二条', [
        { name: '中共平湖市委', kind: 'PARTY_COMMITTEE' },
        { name: '中共平湖市委', kind: 'PARTY_COMMITTEE' },
      ]),
    ).toThrow(/named twice/);
  });

  it('lets a unit act for itself only', () => {
    const unit = { subject: open.name, region: '330482', node: '330482', roles: ['unit' as const] };
    expect(canActForRecipient(unit, open, '330482')).toBe(true);
    expect(canActForRecipient(unit, { name: '平湖市民政局' }, '330482')).toBe(false);
  });
});
