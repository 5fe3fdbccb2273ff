import type { HostedGateway } from '../node-host.js';
import {
  createRandom,
  handlingUnits,
  importProposalHistory,
  pairedDays,
  pick,
  proposalText,
  proposerOf,
  replyTexts,
} from './proposal-history.js';

/**
 * 温州市政协 数字政协提案工作地方标准 (浙江省政协 2022 创新案例): at the 12th term's first
 * session 666 proposals were reviewed online in 15 days, handling time fell from 86 to 75
 * days on average, and 98 % of proposers were satisfied. The seed's year: all 666
 * registered within 15 days of the session, handled in 75 days on average, 653 of 666
 * (98.0 %) rated satisfied or basically satisfied.
 */
export const wenzhouYearFigures = {
  region: '330300',
  term: 12,
  session: 1,
  total: 666,
  reviewDays: 15,
  averageHandlingDays: 75,
  satisfiedOrBasic: 653,
} as const;

const collectiveProposers = [
  '民革温州市委会',
  '民盟温州市委会',
  '民建温州市委会',
  '民进温州市委会',
  '农工党温州市委会',
  '致公党温州市委会',
  '九三学社温州市委会',
  '温州市工商业联合会',
];
const wenzhouTopics = [
  '民营经济示范城市建设',
  '瓯江山水诗之路文化带建设',
  '温州都市圈城际铁路建设',
];
const dayMs = 86_400_000;
/** 温州市政协十二届一次会议 closed on 2022-02-22 (09:00 Beijing). */
const sessionClose = Date.UTC(2022, 1, 22, 1, 0);

/**
 * A year of Wenzhou's proposals in their final state, deterministic: submitted before and
 * at the session, registered within 15 days of its close, assigned in March, answered
 * item by item in 75 days on average, rated by the proposer (13 unsatisfied).
 */
export function wenzhouYearRecords(memberIds: string[] = []): Record<string, unknown>[] {
  const f = wenzhouYearFigures;
  const random = createRandom(330300);
  const handlingDays = pairedDays(f.total, f.averageHandlingDays, 35, random);
  return Array.from({ length: f.total }, (_, i) => {
    const { leadUnit, coUnit, ...text } = proposalText(f.region, random, wenzhouTopics);
    const registered = sessionClose + (1 + (i % f.reviewDays)) * dayMs;
    const assigned = sessionClose + (20 + (i % 10)) * dayMs;
    const unsatisfied = i % 51 === 50; // 13 of 666
    return {
      term: f.term,
      session: f.session,
      number: i + 1,
      ...text,
      status: 'EVALUATED',
      ...proposerOf(random, collectiveProposers, memberIds, i, i % 5 === 0),
      isKey: i % 60 === 0,
      submittedAt: new Date(sessionClose - (i % 30) * dayMs).toISOString(),
      registeredAt: new Date(registered).toISOString(),
      assignedAt: new Date(assigned).toISOString(),
      repliedAt: new Date(assigned + (handlingDays[i] as number) * dayMs).toISOString(),
      deadline: new Date(assigned + 92 * dayMs).toISOString().slice(0, 10),
      units: handlingUnits(leadUnit, coUnit, i % 4 === 0),
      itemReplies: text.suggestions.map((_, k) => {
        const outcome =
          k === 0 ? 'ADOPTED' : pick(random, ['ADOPTED', 'PARTLY_ADOPTED', 'EXPLAINED']);
        return { outcome, text: replyTexts[outcome] };
      }),
      proposerRating: unsatisfied ? 'UNSATISFIED' : i % 7 === 0 ? 'BASIC' : 'SATISFIED',
    };
  });
}

/**
 * Imports Wenzhou's year when Wenzhou is hosted behind the gateway and has no proposals of
 * that term yet. Returns whether it seeded.
 */
export const seedWenzhouYear = (gatewayUrl: string, gateway: HostedGateway): Promise<boolean> =>
  importProposalHistory(
    gatewayUrl,
    gateway,
    wenzhouYearFigures.region,
    wenzhouYearFigures.term,
    wenzhouYearRecords,
  );
