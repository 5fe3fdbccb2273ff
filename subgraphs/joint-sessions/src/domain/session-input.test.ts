import { InvalidInputError } from '@huishang/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { normaliseNewJointSession } from './session-input.js';

const xunwu = {
  region: '330503',
  hostCommittee: '湖州市南浔区政协',
  title: ' 同心桥·浔吴协商会：毗邻地区生态环境共保联治 ',
  kind: 'CROSS_PROVINCE' as const,
  partners: [{ region: '320509', committee: '苏州市吴江区政协' }],
  heldOn: '2024-09-20',
  venueName: '',
};

describe('a new joint session', () => {
  it('trims text, reads the date and lists the host among the parties', () => {
    const fields = normaliseNewJointSession(xunwu);
    expect(fields).toMatchObject({
      title: '同心桥·浔吴协商会：毗邻地区生态环境共保联治',
      heldOn: new Date('2024-09-20T00:00:00Z'),
      venueName: null,
      consultationId: null,
    });
    expect(fields.parties.map((p) => p.role)).toEqual(['HOST', 'PARTNER']);
  });

  it('refuses an impossible date and a malformed consultation id', () => {
    expect(() => normaliseNewJointSession({ ...xunwu, heldOn: '2024-02-30' })).toThrow(
      InvalidInputError,
    );
    expect(() => normaliseNewJointSession({ ...xunwu, consultationId: 'abc' })).toThrow(
      /consultationId/,
    );
  });
});
