import { describe, expect, it } from 'vitest';
import { normaliseSubmission, type SubmissionInput } from './submission.js';
import { refusalCode } from './test-fixtures.js';

const fei = '01938a6e-1c2b-7d3e-8f40-5a6b7c8d9e01';
const zhu = '01938a6e-1c2b-7d3e-8f40-5a6b7c8d9e02';

const input: SubmissionInput = {
  term: 10,
  session: 3,
  title: ' 关于加强南浔古镇保护与活化利用的建议 ',
  body: '百间楼等历史街区民居老化，消防、排水等设施不足，业态同质化明显，建议编制专项规划。',
  keywords: ['古镇保护', '古镇保护', '百间楼'],
  category: 'CULTURE_HISTORY',
  proposerId: fei,
  coProposerIds: [zhu],
  suggestions: ['编制百间楼历史街区保护利用专项规划', '设立古建筑修缮专项资金'],
};

describe('proposal submission', () => {
  it('accepts a proposal with a lead proposer, trimming text and dropping repeated keywords', () => {
    expect(normaliseSubmission(input)).toMatchObject({
      title: '关于加强南浔古镇保护与活化利用的建议',
      keywords: ['古镇保护', '百间楼'],
      proposerId: fei,
      coProposerIds: [zhu],
      collectiveProposer: null,
    });
  });

  it('accepts a collective proposal by a party body', () => {
    const collective = {
      ...input,
      proposerId: null,
      coProposerIds: [],
      collectiveProposer: '民盟南浔区基层委员会',
    };
    expect(normaliseSubmission(collective).collectiveProposer).toBe('民盟南浔区基层委员会');
  });

  it('counts title and body length in characters', () => {
    expect(refusalCode(() => normaliseSubmission({ ...input, title: '古镇保护' }))).toBe(
      'KIT_INVALID_INPUT',
    );
    expect(refusalCode(() => normaliseSubmission({ ...input, title: '关于古镇保护' }))).toBe(
      'accepted',
    );
    expect(refusalCode(() => normaliseSubmission({ ...input, title: '长'.repeat(101) }))).toBe(
      'KIT_INVALID_INPUT',
    );
    expect(refusalCode(() => normaliseSubmission({ ...input, body: '太短了' }))).toBe(
      'KIT_INVALID_INPUT',
    );
  });

  it('needs at least one suggestion', () => {
    expect(refusalCode(() => normaliseSubmission({ ...input, suggestions: [] }))).toBe(
      'KIT_INVALID_INPUT',
    );
    expect(refusalCode(() => normaliseSubmission({ ...input, suggestions: [' '] }))).toBe(
      'KIT_INVALID_INPUT',
    );
  });

  it('needs a lead proposer or a collective body, not both', () => {
    expect(refusalCode(() => normaliseSubmission({ ...input, proposerId: null }))).toBe(
      'PROPOSALS_PROPOSER_REQUIRED',
    );
    expect(
      refusalCode(() =>
        normaliseSubmission({ ...input, collectiveProposer: '民盟南浔区基层委员会' }),
      ),
    ).toBe('PROPOSALS_PROPOSER_REQUIRED');
  });

  it('refuses a co-proposer who is the lead or named twice', () => {
    expect(refusalCode(() => normaliseSubmission({ ...input, coProposerIds: [fei] }))).toBe(
      'PROPOSALS_DUPLICATE_CO_PROPOSER',
    );
    expect(
      refusalCode(() => normaliseSubmission({ ...input, coProposerIds: [zhu, zhu.toUpperCase()] })),
    ).toBe('PROPOSALS_DUPLICATE_CO_PROPOSER');
  });

  it('refuses ids that are not UUIDs and terms out of range', () => {
    expect(refusalCode(() => normaliseSubmission({ ...input, proposerId: '费志明' }))).toBe(
      'KIT_INVALID_INPUT',
    );
    expect(refusalCode(() => normaliseSubmission({ ...input, coProposerIds: ['42'] }))).toBe(
      'KIT_INVALID_INPUT',
    );
    expect(refusalCode(() => normaliseSubmission({ ...input, term: 0 }))).toBe('KIT_INVALID_INPUT');
  });
});
