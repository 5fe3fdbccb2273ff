import {
  answerOf,
  type GraphQLResponseBody,
  type TestCaller,
  type TestSubgraph,
} from '@huishang/subgraph-kit/testing';

/** The fields of a command receipt the tests select, from a mutation or the status query. */
export const receipt = 'id status owner { code } result error { code reason message }';

/** A command `node` sent, as its status query answers `caller`. */
export const commandStatus = (node: TestSubgraph, id: string, caller: TestCaller) =>
  node
    .gql(`query($id: ID!) { consultationsCommandStatus(id: $id) { ${receipt} } }`, { id }, caller)
    .then((r) => r.data.consultationsCommandStatus);

/** What the owner answered to the command `sent` (a receipt) that `node` sent for `caller`. */
export const answered = (node: TestSubgraph, sent: GraphQLResponseBody, caller: TestCaller) =>
  answerOf(sent, (id) => commandStatus(node, id, caller));
