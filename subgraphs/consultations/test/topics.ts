import type { TestCaller, TestSubgraph } from '@huishang/subgraph-kit/testing';

/**
 * A topic members recommended and the chair's meeting approved onto `platform` (with 6 or
 * X for 请你来协商), ready to plan a consultation on; returns its id.
 */
export async function approvedTopic(
  gql: TestSubgraph['gql'],
  topic: { region: string; title: string; platform: string; lead?: string | null },
  caller: TestCaller = { region: topic.region },
): Promise<string> {
  const proposed = await gql(
    `mutation($input: ProposeTopicInput!) { proposeTopic(input: $input) { id } }`,
    { input: { region: topic.region, title: topic.title, source: 'MEMBERS' } },
    caller,
  );
  const id = proposed.data.proposeTopic.id as string;
  const approved = await gql(
    `mutation($id: ID!, $input: ApproveTopicInput!) { approveTopic(id: $id, input: $input) { status } }`,
    {
      id,
      input: {
        meeting: '主席会议',
        planYear: 2025,
        platform: topic.platform,
        lead: topic.lead ?? null,
      },
    },
    caller,
  );
  if (approved.data?.approveTopic.status !== 'APPROVED')
    throw new Error(`topic not approved: ${JSON.stringify(approved.errors)}`);
  return id;
}
