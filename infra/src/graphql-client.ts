/** A GraphQL error as a gateway returns it. */
export interface GraphqlError {
  message: string;
  extensions?: { code?: string; reason?: string; fields?: Record<string, unknown> };
}

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: GraphqlError[];
}

export class GraphqlRequestError extends Error {
  constructor(readonly errors: GraphqlError[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

/** A small client for one node's gateway endpoint, as one caller (token) or anonymously. */
export function createGraphqlClient(url: string, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  return {
    /** The raw response: data and errors, as a user of the endpoint sees them. */
    async send<T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<GraphqlResponse<T>> {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlResponse<T>;
    },
    /** The data, or a GraphqlRequestError carrying every error. */
    async request<T = Record<string, unknown>>(
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<T> {
      const result = await this.send<T>(query, variables);
      if (result.errors?.length) throw new GraphqlRequestError(result.errors);
      return result.data as T;
    },
  };
}

export type GraphqlClient = ReturnType<typeof createGraphqlClient>;
