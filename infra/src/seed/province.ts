import { childrenOf, getCommitteeRegion } from '@huishang/schema';
import type { HostedGateway } from '../node-host.js';
import type { Progress } from '../progress.js';
import { clientAs } from './admin-client.js';
import { demoCommittees } from './demo-data.js';
import { deqingCrossTermFigures } from './deqing-cross-term.js';
import { jinhuaOpinionFigures } from './jinhua-opinions.js';
import { pinghu2020Figures } from './pinghu-2020.js';
import { consultationRecord, generatedCommittee, overdueProposalRecords } from './province-data.js';
import { seedCommittee, seedFigures } from './seed.js';
import { wenzhouYearFigures } from './wenzhou-year.js';

/** Committees whose figures import their proposals or opinion items (see seedFigures). */
const proposalFigures = new Set<string>([deqingCrossTermFigures.region, wenzhouYearFigures.region]);
const opinionFigures = new Set(Object.keys(jinhuaOpinionFigures));
/** Whose members the figure seeds use: the roster's Nanxun and Huzhou, and the above. */
const figureCommittees = new Set([
  ...proposalFigures,
  ...opinionFigures,
  '330503',
  '330500',
  pinghu2020Figures.region,
]);

/** Units of work `seedProvince` reports: one per committee, then the figure seeds. */
export const provinceSeedSteps = (regions: string[]) => regions.length + 1;

/** Seeds one committee unless it has members already; returns whether it wrote anything. */
async function seedOne(
  gatewayUrl: string,
  gateway: HostedGateway,
  region: string,
  now: Date,
): Promise<boolean> {
  const staff = await clientAs(gatewayUrl, gateway, {
    subject: `seed-${region}`,
    region,
    roles: ['staff'],
  });
  const { members } = await staff.request<{ members: { totalCount: number } }>(
    `query($region: ID!) { members(region: $region, first: 1) { totalCount } }`,
    { region },
  );
  if (members.totalCount > 0) return false;
  const handWritten = demoCommittees.find((c) => c.region === region);
  const level = getCommitteeRegion(region).level;
  const towns = level === 'COUNTY' ? (await childrenOf(region)).map((t) => t.code) : [];
  const committee =
    handWritten ??
    generatedCommittee(region, {
      proposals: !proposalFigures.has(region),
      opinionItems: !opinionFigures.has(region),
      towns,
    });
  const memberIds = await seedCommittee(staff, committee, now);
  if (handWritten) return true;
  const admin = await clientAs(gatewayUrl, gateway, {
    subject: `seed-${region}`,
    region,
    roles: ['admin'],
  });
  const people = committee.members.map((m, i) => ({ id: memberIds[i] as string, name: m.name }));
  // The year's consultation and, unless its figures import them, the second session's
  // proposals (some still being handled, some overdue, some answered): one request.
  const consultations = { records: [consultationRecord(region, people)] };
  if (committee.proposals.length === 0)
    await admin.request(
      `mutation($records: [ImportConsultationInput!]!) { importConsultations(records: $records) { count } }`,
      consultations,
    );
  else
    await admin.request(
      `mutation($records: [ImportConsultationInput!]!, $region: ID!, $proposals: [ImportedProposalInput!]!) {
        importConsultations(records: $records) { count }
        importProposals(region: $region, records: $proposals) { count } }`,
      { ...consultations, region, proposals: overdueProposalRecords(region, memberIds, now) },
    );
  return true;
}

/**
 * Seeds every committee behind the gateway through its own endpoint, `concurrency` at a
 * time: the hand-written demo committees as `npm start` does, every other one generated
 * from its name and level (`province-data.ts`); then the seeds' figures (the roster,
 * Deqing, Wenzhou, Pinghu, Jinhua over its whole subtree). A committee that has members
 * is left alone and each figure seed skips a committee that holds its records, so a
 * restart on a seeded database writes nothing. Returns what it seeded.
 */
export async function seedProvince(
  gatewayUrl: string,
  gateway: HostedGateway,
  options: { concurrency?: number; progress?: Progress; now?: Date } = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  // The committees whose members the figures use first, so a failure there shows early.
  const queue = [
    ...gateway.nodes.filter((r) => figureCommittees.has(r)),
    ...gateway.nodes.filter((r) => !figureCommittees.has(r)),
  ];
  const seeded: string[] = [];
  let failure: unknown;
  const worker = async () => {
    for (let region = queue.shift(); region && !failure; region = queue.shift()) {
      try {
        if (await seedOne(gatewayUrl, gateway, region, now)) seeded.push(region);
      } catch (error) {
        failure ??= new Error(`seeding ${region} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      options.progress?.tick(`${getCommitteeRegion(region).name} ${region}`);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  if (failure) throw failure;
  // After the committees, whose members they name; side by side with each other.
  const figures = await seedFigures(gatewayUrl, gateway);
  options.progress?.tick('seeds’ figures');
  return [...(seeded.length ? [`${seeded.length} committees`] : []), ...figures];
}
