import type { HostedGateway } from '../node-host.js';
import {
  createRandom,
  handlingUnits,
  importProposalHistory,
  pairedDays,
  proposalText,
  proposerOf,
  replyTexts,
} from './proposal-history.js';

/**
 * 德清县政协 跨届重点提案跟踪督办 (浙江省政协 2018 创新案例): all 649 proposals of the
 * previous term were sorted into 已办结 610, 继续办和着手办 24 and 暂难办 15, and the 24
 * became cross-term key proposals, closed only by the standing committee's vote. The seed
 * gives 继续办 and 着手办 together; they are split here as 16 CONTINUE and 8 START. Term
 * numbers are illustrative: the 9th term (2012–2016, five sessions) sorted at the 10th.
 */
export const deqingCrossTermFigures = {
  region: '330521',
  previousTerm: 9,
  newTerm: 10,
  total: 649,
  DONE: 610,
  CONTINUE: 16,
  START: 8,
  HARD_FOR_NOW: 15,
} as const;

/** Proposals per session of the previous term (2012 … 2016), 649 in all. */
const perSession = [140, 135, 128, 124, 122];
const collectiveProposers = [
  '民革德清县基层委员会',
  '民盟德清县基层委员会',
  '民建德清县基层委员会',
  '农工党德清县基层委员会',
  '九三学社德清县基层委员会',
  '德清县工商业联合会',
];
const deqingTopics = ['莫干山国际旅游度假区建设', '地理信息小镇产业发展', '洋家乐民宿规范发展'];
const dayMs = 86_400_000;

/** The outcome of the i-th record: DONE first, then the key ones, then the hard ones. */
function outcomeOf(i: number) {
  const f = deqingCrossTermFigures;
  if (i < f.DONE) return 'DONE';
  if (i < f.DONE + f.CONTINUE) return 'CONTINUE';
  if (i < f.DONE + f.CONTINUE + f.START) return 'START';
  return 'HARD_FOR_NOW';
}

/**
 * The previous term's 649 proposals in their final state, deterministic: registered,
 * assigned and answered item by item, rated by the proposer, and sorted at the new term;
 * proposers are `memberIds` (one in five collective), or collective bodies when none.
 */
export function deqingCrossTermRecords(memberIds: string[] = []): Record<string, unknown>[] {
  const f = deqingCrossTermFigures;
  const random = createRandom(330521);
  const handlingDays = pairedDays(f.total, 82, 30, random);
  const records: Record<string, unknown>[] = [];
  perSession.forEach((count, s) => {
    // each year's session opens in late February
    const session = Date.UTC(2012 + s, 1, 20, 1, 0);
    for (let n = 1; n <= count; n++) {
      const i = records.length;
      const outcome = outcomeOf(i);
      const { leadUnit, coUnit, ...text } = proposalText(f.region, random, deqingTopics);
      const assigned = session + (20 + (n % 10)) * dayMs;
      const replied = assigned + (handlingDays[i] as number) * dayMs;
      const done = outcome === 'DONE';
      records.push({
        term: f.previousTerm,
        session: s + 1,
        number: n,
        ...text,
        status: 'EVALUATED',
        ...proposerOf(random, collectiveProposers, memberIds, i, n % 5 === 0),
        isKey: outcome === 'CONTINUE' || outcome === 'START',
        submittedAt: new Date(session - (n % 7) * dayMs).toISOString(),
        registeredAt: new Date(session + (5 + (n % 10)) * dayMs).toISOString(),
        assignedAt: new Date(assigned).toISOString(),
        repliedAt: new Date(replied).toISOString(),
        deadline: new Date(assigned + 90 * dayMs).toISOString().slice(0, 10),
        units: handlingUnits(leadUnit, coUnit, n % 3 === 0),
        // what is done was adopted; what goes on was partly done or had to be explained
        itemReplies: text.suggestions.map((_, k) => {
          const answer = done
            ? k === text.suggestions.length - 1 && n % 4 === 0
              ? 'PARTLY_ADOPTED'
              : 'ADOPTED'
            : k === 0
              ? 'PARTLY_ADOPTED'
              : 'EXPLAINED';
          return { outcome: answer, text: replyTexts[answer] };
        }),
        proposerRating: done ? (n % 9 === 0 ? 'BASIC' : 'SATISFIED') : 'BASIC',
        crossTermOutcome: outcome,
        crossTermSortedIn: f.newTerm,
      });
    }
  });
  return records;
}

/**
 * Imports Deqing's previous term, sorted, when Deqing is hosted behind the gateway and has
 * no proposals of that term yet. Returns whether it seeded.
 */
export const seedDeqingCrossTerm = (gatewayUrl: string, gateway: HostedGateway): Promise<boolean> =>
  importProposalHistory(
    gatewayUrl,
    gateway,
    deqingCrossTermFigures.region,
    deqingCrossTermFigures.previousTerm,
    deqingCrossTermRecords,
  );
