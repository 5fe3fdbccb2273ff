import { STATUS_CODES } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { callerScopeHeader, identityHeader, regionRolesScope } from '@huishang/schema';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { Pool } from 'undici';
import type { GatewayContext } from './context.js';
import { currentDeadline } from './deadline.js';
import {
  DeadlineExceededError,
  ResponseTooLargeError,
  SubgraphUnavailableError,
} from './errors.js';
import { InFlight } from './in-flight.js';

type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** A subgraph's HTTP answer, as read: shared between identical fetches, parsed by each. */
interface Answer {
  status: number;
  body: string;
  /** Computed without reading who asked: the same for every caller of its scope. */
  forScope: boolean;
  /** May change without an event (`cache-control: no-store`): not to be kept. */
  noStore: boolean;
}

const statusCodes: Record<number, string> = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN' };

/**
 * One subgraph, asked with the caller's signed identity so that it can enforce access.
 * Written for the request path rather than on Apollo's RemoteGraphQLDataSource: undici's
 * keep-alive pool instead of a WHATWG fetch per call (its streams cost more than the
 * request), and identical reads in flight sent once (see `share`). A subgraph that cannot
 * be reached is named in the error, not hidden behind its URL.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  readonly subgraph: string;
  readonly #url: URL;
  readonly #pool: Pool;
  readonly #maxBytes: number;
  /** Reads in flight, by caller and request. */
  readonly #reads = new InFlight<Answer>();
  /** The first read in flight of each scope (node, region, roles) and request. */
  readonly #scopeReads = new Map<string, Promise<Answer>>();
  /** Requests whose last answer depended on who asked: not worth waiting for another's. */
  readonly #personal = new LRUCache<string, true>({ max: 1_000 });

  /** `maxBytes`: the largest answer read from the subgraph. */
  constructor(subgraph: string, url: string, maxBytes: number) {
    this.subgraph = subgraph;
    this.#url = new URL(url);
    this.#pool = new Pool(this.#url.origin, { connections: 64 });
    this.#maxBytes = maxBytes;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Response> {
    const { query, variables, operationName, extensions } = options.request;
    if (!query) throw new Error('Missing query');
    const body = JSON.stringify({ query, variables, operationName, extensions });
    const answer = await this.#answer(options, body);
    if (answer.noStore && 'incomingRequestContext' in options)
      options.context.keeping.refused = true;
    if (answer.status < 200 || answer.status >= 300) throw this.#refusal(answer);
    const parsed = JSON.parse(answer.body) as unknown;
    if (typeof parsed !== 'object' || parsed === null)
      throw new Error(`Expected JSON response body, but received: ${answer.body.slice(0, 100)}`);
    return parsed as Response;
  }

  /**
   * Reads in flight are shared: with the same caller's identical read always, and with
   * the first identical read of another caller of the same node, region and roles when
   * its subgraph says the answer did not depend on who asked (else this caller asks for
   * its own). A write is always sent, once.
   */
  #answer(options: GraphQLDataSourceProcessOptions<GatewayContext>, body: string) {
    // health checks and schema loading carry no caller
    if (!('incomingRequestContext' in options)) return this.#send(body, undefined);
    const { context } = options;
    const send = async () => this.#send(body, await context.forwardedIdentity());
    if (options.incomingRequestContext.operation?.operation !== 'query') return send();
    const own = () =>
      this.#reads.run(`${context.shareKey}\u0000${body}`, send).then((answer) => {
        if (answer.forScope) this.#personal.delete(body);
        else this.#personal.set(body, true);
        return answer;
      });
    if (this.#personal.has(body)) return own();
    const scope = `${context.scopeKey}\u0000${body}`;
    const first = this.#scopeReads.get(scope);
    if (first) return first.then((answer) => (answer.forScope ? answer : own()), own);
    const mine = own();
    this.#scopeReads.set(scope, mine);
    const done = () => {
      if (this.#scopeReads.get(scope) === mine) this.#scopeReads.delete(scope);
    };
    mine.then(done, done);
    return mine;
  }

  async #send(body: string, identity: string | undefined): Promise<Answer> {
    const deadline = currentDeadline();
    if (deadline?.signal.aborted) throw new DeadlineExceededError(deadline.ms);
    try {
      const response = await this.#pool.request({
        method: 'POST',
        path: this.#url.pathname + this.#url.search,
        headers: {
          'content-type': 'application/json',
          ...(identity !== undefined && { [identityHeader]: identity }),
        },
        body,
        ...(deadline && { signal: deadline.signal }),
      });
      const length = Number(response.headers['content-length'] ?? 0);
      if (length > this.#maxBytes) {
        response.body.destroy();
        throw new ResponseTooLargeError(this.#maxBytes);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > this.#maxBytes) {
          response.body.destroy();
          throw new ResponseTooLargeError(this.#maxBytes);
        }
        chunks.push(chunk as Buffer);
      }
      return {
        status: response.statusCode,
        body: Buffer.concat(chunks).toString('utf8'),
        forScope: response.headers[callerScopeHeader] === regionRolesScope,
        noStore: String(response.headers['cache-control'] ?? '').includes('no-store'),
      };
    } catch (error) {
      if (error instanceof ResponseTooLargeError) throw error;
      if (deadline?.signal.aborted) throw new DeadlineExceededError(deadline.ms, error);
      const code = (error as { code?: unknown }).code;
      throw new SubgraphUnavailableError(this.subgraph, String(code ?? 'no answer'), error);
    }
  }

  /** A subgraph's HTTP refusal, as Apollo's data source reports one: the status, and its body. */
  #refusal({ status, body }: Answer): GraphQLError {
    let parsed: unknown = body;
    try {
      parsed = JSON.parse(body);
    } catch {}
    return new GraphQLError(`${status}: ${STATUS_CODES[status] ?? 'Refused'}`, {
      extensions: {
        response: { url: this.#url.href, status, body: parsed },
        ...(statusCodes[status] && { code: statusCodes[status] }),
      },
    });
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
