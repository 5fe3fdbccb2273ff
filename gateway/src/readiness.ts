/** Where a subgraph answers liveness: its GraphQL URL with /graphql replaced by /health. */
export function healthUrlOf(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, '/health');
  return url.href;
}

/** Failure reasons of the subgraphs whose /health did not answer 200, by name; empty when all did. */
export async function unhealthySubgraphs(
  subgraphs: ReadonlyMap<string, string>,
  timeoutMs = 2000,
): Promise<Record<string, string>> {
  const checks = [...subgraphs].map(async ([name, url]) => {
    try {
      const response = await fetch(healthUrlOf(url), { signal: AbortSignal.timeout(timeoutMs) });
      await response.body?.cancel();
      return response.status === 200 ? undefined : [name, `HTTP ${response.status}`];
    } catch (error) {
      // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, bad port, …)
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return [name, cause?.code ?? cause?.message ?? (error as Error).message];
    }
  });
  const failures = (await Promise.all(checks)).filter((f): f is [string, string] => !!f);
  return Object.fromEntries(failures);
}
