import type { TaskRow } from '../reminder-store.js';
import type { TestCaller, TestSubgraph } from './test-subgraph.js';

/** An inbox item as the reminder tests read it: the task's row as the contract serialises it. */
export type TestTask = Omit<TaskRow, 'region' | 'createdAt' | 'readAt'> & {
  createdAt: string;
  readAt: string | null;
  proposal: { id: string } | null;
};

/**
 * The first 100 tasks of `caller`'s inbox in `region` (its own by default), newest first,
 * as the subgraph's inbox query `field` (`myTasks`, `myConsultationTasks`) answers them;
 * an answer with errors is thrown.
 */
export async function readInbox(
  subgraph: Pick<TestSubgraph, 'gql'>,
  field: string,
  caller: TestCaller,
  region = caller.region,
): Promise<TestTask[]> {
  const result = await subgraph.gql(
    `query($region: ID!) { ${field}(region: $region, first: 100) {
      edges { node { id kind recordId title colour reason createdAt readAt proposal { id } } } } }`,
    { region },
    caller,
  );
  if (result.errors) throw new Error(`${field} failed: ${JSON.stringify(result.errors)}`);
  return result.data[field].edges.map((edge: { node: TestTask }) => edge.node);
}
