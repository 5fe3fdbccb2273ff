import { randomUUID } from 'node:crypto';
import { sleep, startTestSubgraph } from '@huishang/subgraph-kit/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { proposalsSubgraph } from '../src/index.js';

// The test subgraph's pool has four connections; long transactions keep them all busy.
const subgraph = await startTestSubgraph(proposalsSubgraph, {
  regions: ['330503'],
  label: 'proposals_busy',
});
afterAll(() => subgraph.close());

type Db = {
  $transaction<T>(
    fn: (tx: unknown) => Promise<T>,
    options: { maxWait: number; timeout: number },
  ): Promise<T>;
};

const submit = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }`;
const input = {
  region: '330503',
  term: 10,
  session: 3,
  title: '关于南浔古镇停车难问题的建议',
  body: '古镇周边停车位不足，节假日拥堵严重，建议增设公共停车场。',
  keywords: ['停车'],
  category: 'URBAN_RURAL_DEVELOPMENT',
  proposerId: randomUUID(),
  suggestions: ['增设公共停车场'],
};
const countProposals = async () => {
  const result = await subgraph.gql('{ proposals(region: "330503") { totalCount } }');
  expect(result.errors).toBeUndefined();
  return result.data.proposals.totalCount as number;
};

describe('a node whose database connections are all busy', () => {
  it('answers a write it cannot start with KIT_NODE_BUSY and writes nothing', async () => {
    const before = await countProposals();
    const db = subgraph.db('330503') as Db;
    const hold = () => db.$transaction(() => sleep(3_500), { maxWait: 10_000, timeout: 10_000 });
    // four hold the connections; the write queues behind them, and four more queue behind
    // it, so whatever it reads first, its transaction waits longer than Prisma's 2 s
    const holding = Array.from({ length: 4 }, hold);
    await sleep(200);
    const writing = subgraph.gql(submit, { input });
    await sleep(200);
    holding.push(...Array.from({ length: 4 }, hold));
    const result = await writing;
    await Promise.all(holding);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'KIT_NODE_BUSY',
    });
    expect(result.errors?.[0]?.message).toBe(
      '节点繁忙，请稍后重试 / the node is busy: try again shortly',
    );
    expect(await countProposals()).toBe(before);
    // once connections are free the same write goes through
    const again = await subgraph.gql(submit, { input });
    expect(again.errors).toBeUndefined();
    expect(await countProposals()).toBe(before + 1);
  });
});
