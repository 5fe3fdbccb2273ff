import {
  isWithin,
  provinceOf,
  provinceResyncFilter,
  regionOfSubject,
  type SubgraphName,
  subtreePrefix,
} from '@huishang/schema';
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { RegionClient } from '../../raw-sql.js';
import { backoffMs } from '../alarm.js';
import type { BusLog } from '../bus-log.js';
import { type Durable, type DurableSpec, runDurable } from '../durable.js';
import { isPermanent } from '../failure.js';
import { provinceStreams } from '../streams.js';
import { republishCurrentState } from './republish.js';

export interface ResyncServerOptions {
  client: RegionClient;
  /** The owner region. */
  region: string;
  schema: string;
  subgraph: SubgraphName;
  js: JetStreamClient;
  log: BusLog;
  /** See `DurableOptions.checkEveryMs`. */
  checkEveryMs?: number | undefined;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `requester` keeps replicas of what `owner` owns in `subgraph`, and so may ask
 * for it again: a city or the province above it; for joint sessions, whose parties may be
 * anywhere, any other region of the province (it keeps only the sessions it is party to).
 */
export function mayAskForResync(requester: string, owner: string, subgraph: SubgraphName) {
  if (requester === owner) return false;
  if (subgraph === 'joint-sessions') return provinceOf(requester) === provinceOf(owner);
  return isWithin(owner, requester);
}

/** The durable consumer of an owner's resync requests: its province's, for this subgraph. */
export function resyncServerSpec(region: string, schema: string, subgraph: string): DurableSpec {
  const province = provinceOf(region);
  return {
    name: `${schema}-resync`,
    stream: provinceStreams(province).resync,
    filter: provinceResyncFilter(province, subgraph),
  };
}

/**
 * An owner's side of resync: a durable consumer of its province's requests for this
 * subgraph. The subject proves who asks (a node may publish only under its own tokens);
 * a request from a region that keeps this owner's replicas is answered by publishing the
 * current state again (`republishCurrentState`), once per request and never twice for the
 * same moment; others' requests, and what cannot be read, are acknowledged and left alone.
 */
export function startResyncServer(options: ResyncServerOptions): Durable {
  const { client, region, schema, subgraph, js, log, checkEveryMs } = options;
  const spec = resyncServerSpec(region, schema, subgraph);
  const { name } = spec;

  async function serve(msg: JsMsg) {
    const requester = regionOfSubject(msg.subject);
    let requestId: unknown;
    try {
      requestId = (JSON.parse(msg.string()) as { requestId?: unknown }).requestId;
    } catch {
      requestId = undefined;
    }
    // Nothing to answer and nothing worth keeping: a malformed request is only logged.
    if (!requester || typeof requestId !== 'string' || !uuid.test(requestId)) {
      log.warn({ consumer: name, seq: msg.seq }, 'not a resync request; ignored');
      return;
    }
    if (!mayAskForResync(requester, region, subgraph)) return;
    const askedAt = new Date(Math.floor(msg.info.timestampNanos / 1_000_000));
    const outcome = await republishCurrentState(client, schema, {
      id: requestId.toLowerCase(),
      requester,
      askedAt,
      // Any region of the province may ask for joint sessions: it gets those it is party to.
      ...(subgraph === 'joint-sessions' && { partyPrefix: subtreePrefix(requester) }),
    });
    if (typeof outcome === 'number')
      log.info({ schema, requester, requestId, events: outcome }, 'current state published again');
    else if (outcome !== 'answered')
      log.info({ schema, requester, requestId, outcome }, 'resync request not repeated');
  }

  return runDurable({
    js,
    log,
    ...spec,
    maxAckPending: 100,
    checkEveryMs,
    async handle(batch) {
      for (const msg of batch) {
        try {
          await serve(msg);
          msg.ack();
        } catch (error) {
          if (isPermanent(error)) msg.term();
          else msg.nak(backoffMs(msg.info.deliveryCount, 30_000));
          log.warn({ consumer: name, seq: msg.seq, err: error }, 'resync request not served');
        }
      }
    },
  });
}
