import { UnknownRegionError } from '@huishang/schema';
import { InvalidInputError } from '@huishang/subgraph-kit';
import { describe, expect, it } from 'vitest';
import {
  DuplicatePartyError,
  HostAsPartnerError,
  NoPartnerError,
  PartiesDoNotFitKindError,
} from '../errors.js';
import { buildParties } from './parties.js';

const nanxun = { region: '330503', committee: '湖州市南浔区政协' };
const wujiang = { region: '320509', committee: '苏州市吴江区政协' };
const deqing = { region: '330521', committee: '德清县政协' };

describe('joint session parties', () => {
  it('puts the host first and its partners after it', () => {
    expect(buildParties('CROSS_PROVINCE', nanxun, [wujiang])).toEqual([
      { ...nanxun, role: 'HOST' },
      { ...wujiang, role: 'PARTNER' },
    ]);
  });

  it('accepts 浙沪: Pinghu with Jinshan, Shanghai', () => {
    const parties = buildParties('CROSS_PROVINCE', { region: '330482', committee: '平湖市政协' }, [
      { region: '310116', committee: '上海市金山区政协' },
    ]);
    expect(parties.map((p) => p.region)).toEqual(['330482', '310116']);
  });

  it('needs at least one partner', () => {
    expect(() => buildParties('CROSS_PROVINCE', nanxun, [])).toThrow(NoPartnerError);
  });

  it('refuses a partner listed twice, or the host as its own partner', () => {
    expect(() => buildParties('CROSS_PROVINCE', nanxun, [wujiang, wujiang])).toThrow(
      DuplicatePartyError,
    );
    expect(() => buildParties('CROSS_PROVINCE', nanxun, [nanxun, wujiang])).toThrow(
      HostAsPartnerError,
    );
  });

  it('refuses regions that have no committee: unknown codes, towns, villages', () => {
    expect(() => buildParties('CROSS_REGION', nanxun, [{ ...deqing, region: '339999' }])).toThrow(
      UnknownRegionError,
    );
    expect(() =>
      buildParties('CROSS_REGION', nanxun, [{ ...deqing, region: '330503100016' }]),
    ).toThrow(UnknownRegionError);
  });

  it('refuses a blank committee name', () => {
    expect(() => buildParties('CROSS_REGION', nanxun, [{ ...deqing, committee: ' ' }])).toThrow(
      InvalidInputError,
    );
  });

  it('needs a partner in another province for CROSS_PROVINCE', () => {
    expect(() => buildParties('CROSS_PROVINCE', nanxun, [deqing])).toThrow(
      PartiesDoNotFitKindError,
    );
  });

  it('keeps CROSS_REGION partners in the host’s province', () => {
    expect(buildParties('CROSS_REGION', nanxun, [deqing])).toHaveLength(2);
    expect(() => buildParties('CROSS_REGION', nanxun, [deqing, wujiang])).toThrow(
      PartiesDoNotFitKindError,
    );
  });

  it('needs province, city and county of one province for THREE_LEVEL', () => {
    const zhejiang = { region: '330000', committee: '浙江省政协' };
    const lishui = { region: '331100', committee: '丽水市政协' };
    const qingtian = { region: '331121', committee: '青田县政协' };
    expect(buildParties('THREE_LEVEL', zhejiang, [lishui, qingtian])).toHaveLength(3);
    expect(() => buildParties('THREE_LEVEL', zhejiang, [lishui])).toThrow(PartiesDoNotFitKindError);
    expect(() =>
      buildParties('THREE_LEVEL', zhejiang, [lishui, { region: '320509', committee: '吴江' }]),
    ).toThrow(PartiesDoNotFitKindError);
  });
});
