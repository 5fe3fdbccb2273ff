import { describe, expect, it } from 'vitest';
import { checkSubmissionRules, defaultRules, normaliseRules } from './rules.js';
import type { Submission } from './submission.js';
import { refusalCode } from './test-fixtures.js';

const submission: Submission = {
  term: 10,
  session: 3,
  title: '关于推进农村生活污水治理设施长效运维的建议',
  body: '部分终端设施建成后缺乏专业运维，出水水质不稳定，群众反映强烈。',
  keywords: [],
  category: 'AGRICULTURE_RURAL',
  proposerId: null,
  coProposerIds: [],
  collectiveProposer: '农工党南浔区总支',
  suggestions: ['建立区镇村三级运维责任清单'],
};

describe('committee proposal rules', () => {
  it('accepts what the default rules allow', () => {
    expect(refusalCode(() => checkSubmissionRules(submission, defaultRules))).toBe('accepted');
  });

  it('says which rule a submission breaks', () => {
    const strict = {
      ...defaultRules,
      minBodyLength: 100,
      minSuggestions: 2,
      keywordsRequired: true,
    };
    expect(() => checkSubmissionRules(submission, strict)).toThrow(
      expect.objectContaining({
        code: 'PROPOSALS_BODY_TOO_SHORT',
        fields: { minLength: 100, length: [...submission.body].length },
      }),
    );
    const long = { ...submission, body: '长'.repeat(100) };
    expect(refusalCode(() => checkSubmissionRules(long, strict))).toBe(
      'PROPOSALS_TOO_FEW_SUGGESTIONS',
    );
    const two = { ...long, suggestions: ['一', '二'] };
    expect(refusalCode(() => checkSubmissionRules(two, strict))).toBe(
      'PROPOSALS_KEYWORDS_REQUIRED',
    );
    expect(
      refusalCode(() => checkSubmissionRules({ ...two, keywords: ['农村污水'] }, strict)),
    ).toBe('accepted');
  });

  it('refuses rules out of range', () => {
    expect(normaliseRules({ ...defaultRules, yellowWithinDays: 10 }).yellowWithinDays).toBe(10);
    for (const bad of [
      { minBodyLength: 5 },
      { minSuggestions: 0 },
      { yellowWithinDays: 1.5 },
      { secondRoundDays: 0 },
    ])
      expect(refusalCode(() => normaliseRules({ ...defaultRules, ...bad }))).toBe(
        'KIT_INVALID_INPUT',
      );
  });
});
