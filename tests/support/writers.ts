import { identityHeaders, sleep } from '@huishang/subgraph-kit/testing';

export interface Writers {
  /** Writes the county has answered, each moving a proposal to a new version. */
  readonly events: number;
  /** Requests that failed (the node down, its database down). */
  readonly failures: number;
  /** Finishes the requests in flight and stops. */
  stop(): Promise<void>;
}

type Answer = { id: string; version: number };
type Call = (query: string, variables: Record<string, unknown>) => Promise<Answer>;

/** The staff's path, one event each: 提出, 签收, 预审, 立案, 交办, 答复, 评价. */
const steps: {
  field: string;
  query: string;
  variables: (id: string) => Record<string, unknown>;
}[] = [
  {
    field: 'signInProposal',
    query: 'mutation($id: ID!) { signInProposal(id: $id) { id version } }',
    variables: (id) => ({ id }),
  },
  {
    field: 'preReviewProposal',
    query: 'mutation($id: ID!) { preReviewProposal(id: $id) { id version } }',
    variables: (id) => ({ id }),
  },
  {
    field: 'registerProposal',
    query: 'mutation($id: ID!) { registerProposal(id: $id) { id version } }',
    variables: (id) => ({ id }),
  },
  {
    field: 'assignProposal',
    query: `mutation($id: ID!, $units: [HandlingUnitInput!]!) {
      assignProposal(id: $id, units: $units, deadline: "2099-06-30") { id version } }`,
    variables: (id) => ({
      id,
      units: [
        { name: '南浔区农业农村局', role: 'LEAD' },
        { name: '南浔区财政局', role: 'CO' },
      ],
    }),
  },
  {
    field: 'replyToProposal',
    query: `mutation($id: ID!, $items: [ItemReplyInput!]!) {
      replyToProposal(id: $id, unit: "南浔区农业农村局", items: $items) { id version } }`,
    variables: (id) => ({
      id,
      items: [
        { suggestionSeq: 1, outcome: 'ADOPTED', text: '已纳入年度计划。' },
        { suggestionSeq: 2, outcome: 'PARTLY_ADOPTED', text: '分步实施。' },
      ],
    }),
  },
  {
    field: 'evaluateProposal',
    query: `mutation($id: ID!) {
      evaluateProposal(id: $id, by: PROPOSER, rating: SATISFIED, comment: "答复认真") { id version } }`,
    variables: (id) => ({ id }),
  },
];

const submit = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id version } }`;

/**
 * A pool of staff at the county writing through its subgraph's GraphQL, each taking
 * proposals along the whole path. `acknowledged` keeps the version each answer reported:
 * what the county promised, which must all reach the city. A failed request ends that
 * proposal's path (its outcome is unknown) and the writer starts another after a pause.
 */
export async function startWriters(options: {
  url: string;
  region: string;
  concurrency: number;
  acknowledged: Map<string, number>;
}): Promise<Writers> {
  const headers = {
    'content-type': 'application/json',
    ...(await identityHeaders({ region: options.region })),
  };
  let events = 0;
  let failures = 0;
  let stopped = false;

  const call =
    (field: string): Call =>
    async (query, variables) => {
      const response = await fetch(`${options.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json()) as {
        data?: Record<string, Answer>;
        errors?: { message: string }[];
      };
      const answer = body.data?.[field];
      if (!answer) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
      return answer;
    };

  const answered = ({ id, version }: Answer) => {
    options.acknowledged.set(id, Math.max(version, options.acknowledged.get(id) ?? 0));
    events += 1;
  };

  const write = async (writer: number, n: number) => {
    const submitted = await call('submitProposal')(submit, {
      input: {
        region: options.region,
        term: 10,
        session: 3,
        title: `关于南浔区第${writer}-${n}号民生实事的建议`,
        body: '古镇周边道路停车难、公交班次少，群众出行不便，建议统筹规划，分步解决。',
        keywords: ['民生实事'],
        category: 'URBAN_RURAL_DEVELOPMENT',
        collectiveProposer: '民建南浔区基层委员会',
        suggestions: ['增设公共停车泊位', '加密公交班次'],
      },
    });
    answered(submitted);
    for (const step of steps) {
      if (stopped) return;
      answered(await call(step.field)(step.query, step.variables(submitted.id)));
    }
  };

  const loops = Array.from({ length: options.concurrency }, async (_, writer) => {
    for (let n = 1; !stopped; n++) {
      try {
        await write(writer, n);
      } catch {
        failures += 1;
        await sleep(100);
      }
    }
  });

  return {
    get events() {
      return events;
    },
    get failures() {
      return failures;
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
