import type { Region } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import { normaliseNewConsultation, planConsultation } from './consultation-input.js';
import { guangchen } from './test-fixtures.js';

const pinghu: Region = { code: '330482', name: '平湖市', level: 'COUNTY', parentCode: '330400' };
const caogang: Region = {
  code: '330482106200',
  name: '曹港村村民委员会',
  level: 'VILLAGE',
  parentCode: '330482106',
};
const nanxunTown: Region = {
  code: '330503100',
  name: '南浔镇',
  level: 'TOWN',
  parentCode: '330503',
};

const hall = {
  title: '农村生活污水治理设施运维',
  platform: 'LIVELIHOOD_HALL' as const,
  topicSource: 'PUBLIC' as const,
  venueName: ' 广陈镇民生议事堂 ',
  heldOn: '2025-05-20',
};

const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
};

describe('a new consultation', () => {
  it('holds a livelihood hall in a town of its own region', () => {
    expect(normaliseNewConsultation('330482', hall, guangchen)).toMatchObject({
      title: '农村生活污水治理设施运维',
      venue: '330482106',
      venueName: '广陈镇民生议事堂',
      heldOn: new Date('2025-05-20T00:00:00Z'),
      description: null,
    });
  });

  it('refuses a venue outside the committee region', () => {
    expect(reasonOf(() => normaliseNewConsultation('330482', hall, nanxunTown))).toBe(
      'CONSULTATIONS_PLACE_OUTSIDE_REGION',
    );
  });

  it('expects a town for a livelihood hall and a village for a village station', () => {
    expect(reasonOf(() => normaliseNewConsultation('330482', hall, caogang))).toBe(
      'CONSULTATIONS_VENUE_LEVEL',
    );
    const station = { ...hall, platform: 'VILLAGE_STATION' as const };
    expect(reasonOf(() => normaliseNewConsultation('330482', station, guangchen))).toBe(
      'CONSULTATIONS_VENUE_LEVEL',
    );
    expect(normaliseNewConsultation('330482', station, caogang).venue).toBe('330482106200');
  });

  it('lets other platforms meet anywhere in the region, or nowhere in particular', () => {
    const comeAndConsult = { ...hall, platform: 'PLEASE_COME_AND_CONSULT' as const };
    expect(normaliseNewConsultation('330482', comeAndConsult, pinghu).venue).toBe('330482');
    expect(normaliseNewConsultation('330482', comeAndConsult, caogang).venue).toBe('330482106200');
    expect(normaliseNewConsultation('330482', hall, null).venue).toBeNull();
  });

  it('checks the title length and the date', () => {
    expect(reasonOf(() => normaliseNewConsultation('330482', { ...hall, title: '议' }, null))).toBe(
      'KIT_INVALID_INPUT',
    );
    const long = { ...hall, title: '议'.repeat(101) };
    expect(reasonOf(() => normaliseNewConsultation('330482', long, null))).toBe(
      'KIT_INVALID_INPUT',
    );
    const badDate = { ...hall, heldOn: '2025-02-30' };
    expect(reasonOf(() => normaliseNewConsultation('330482', badDate, null))).toBe(
      'KIT_INVALID_INPUT',
    );
  });
});

describe('planning on a topic', () => {
  const topic = {
    id: '01970000-0000-7000-8000-0000000000t1',
    region: '330482',
    status: 'APPROVED' as const,
    title: '南市楼宇停车难问题',
    source: 'LEADERS' as const,
    platform: 'PLEASE_COME_AND_CONSULT' as const,
    lead: 'LEADERS' as const,
  };

  it('takes platform, source and lead from the approved topic', () => {
    expect(
      planConsultation('330482', topic, { topicId: topic.id, parties: ['330400'] }, pinghu),
    ).toMatchObject({
      title: '南市楼宇停车难问题',
      platform: 'PLEASE_COME_AND_CONSULT',
      topicSource: 'LEADERS',
      lead: 'LEADERS',
      topicId: topic.id,
      partyRegions: ['330400'],
    });
  });

  it('refuses a topic not yet approved or of another committee', () => {
    expect(
      reasonOf(() =>
        planConsultation('330482', { ...topic, status: 'PENDING' }, { topicId: topic.id }, null),
      ),
    ).toBe('CONSULTATIONS_TOPIC_NOT_APPROVED');
    expect(reasonOf(() => planConsultation('330481', topic, { topicId: topic.id }, null))).toBe(
      'KIT_INVALID_INPUT',
    );
  });
});
