// The load generator, in a process of its own so that it takes no CPU from what it measures:
// `node dist/load.js '<LoadSettings as JSON>'` runs autocannon once and prints a LoadResult
// as JSON on stdout.
import autocannon from 'autocannon';

export interface LoadSettings {
  url: string;
  body: string;
  /** One set of headers per connection, taken in turn (one set: every connection the same). */
  headers: Record<string, string>[];
  connections: number;
  seconds: number;
  /** The answer every request must get; any other is counted in `mismatches`. */
  expectBody?: string;
}

export interface LoadResult {
  /** Requests answered, whatever their status. */
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  mismatches: number;
}

const settings = JSON.parse(process.argv[2] ?? '') as LoadSettings;
let next = 0;
const headersFor = () => settings.headers[next++ % settings.headers.length] ?? {};
const result = await autocannon({
  url: settings.url,
  method: 'POST',
  body: settings.body,
  headers: settings.headers[0] ?? {},
  connections: settings.connections,
  duration: settings.seconds,
  ...(settings.expectBody && { expectBody: settings.expectBody }),
  setupClient: (client) => client.setHeaders(headersFor()),
});
const answer: LoadResult = {
  requests: result.requests.total,
  seconds: result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors,
  non2xx: result.non2xx,
  timeouts: result.timeouts,
  mismatches: result.mismatches,
};
process.stdout.write(`${JSON.stringify(answer)}\n`);
