import type { GraphqlClient } from '@huishang/infra';

/**
 * A county's staff submit a proposal at their own node, led by the first member the node
 * lists, as any county would; returns its id.
 */
export async function submitProposalAt(
  staff: GraphqlClient,
  region: string,
  title: string,
): Promise<string> {
  const { members } = await staff.request<{ members: { edges: { node: { id: string } }[] } }>(
    'query($region: ID!) { members(region: $region, first: 1) { edges { node { id } } } }',
    { region },
  );
  const { submitProposal } = await staff.request<{ submitProposal: { id: string } }>(
    'mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id } }',
    {
      input: {
        region,
        term: 10,
        session: 3,
        title,
        body: '南浔与震泽隔河相望，建议两地共建跨省旅游步道，统一标识与管护，打造浔吴文旅品牌。',
        category: 'ECONOMY',
        proposerId: members.edges[0]?.node.id,
        coProposerIds: [],
        suggestions: ['共同编制步道规划', '建立两地联合管护机制'],
      },
    },
  );
  return submitProposal.id;
}
