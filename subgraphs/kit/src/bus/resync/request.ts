import { resyncSubject, type SubgraphName } from '@huishang/schema';
import type { JetStreamClient } from '@nats-io/jetstream';
import { newId } from '../../ids.js';
import { Alarm, backoffMs } from '../alarm.js';
import type { BusLog } from '../bus-log.js';

export interface ResyncRequester {
  /** Asks for a resync soon; reasons arriving within a second or so make one request. */
  request(reason: string): void;
  /** Requests sent since start. */
  sent(): number;
  stop(): Promise<void>;
}

/**
 * A replica region's side of resync: it publishes, under its own tokens, one request to
 * every owner in its province to publish again the current state of what it owns in
 * `subgraph`. Requests that come together (a consumer per aggregate) are folded into one;
 * publishing is retried until NATS takes it.
 */
export function createResyncRequester(options: {
  region: string;
  subgraph: SubgraphName;
  js: JetStreamClient;
  log: BusLog;
  /** How long reasons gather before one request goes. @default 1000 */
  gatherMs?: number;
}): ResyncRequester {
  const { region, subgraph, js, log } = options;
  const halt = new Alarm();
  let reasons: string[] = [];
  let sending: Promise<void> | undefined;
  let stopped = false;
  let sent = 0;

  async function send() {
    await halt.sleep(options.gatherMs ?? 1_000);
    const why = reasons;
    reasons = [];
    const requestId = newId();
    const body = JSON.stringify({ requestId, requester: region, reasons: why });
    for (let failures = 1; !stopped; failures += 1) {
      try {
        await js.publish(resyncSubject(region, subgraph), body, { msgID: requestId });
        sent += 1;
        log.info({ region, subgraph, requestId, reasons: why }, 'resync requested');
        return;
      } catch (error) {
        log.warn(
          { region, subgraph, err: error, failures },
          'resync request not published; retrying',
        );
        await halt.sleep(backoffMs(failures, 30_000));
      }
    }
  }

  function request(reason: string) {
    if (stopped) return;
    reasons.push(reason);
    sending ??= send().finally(() => {
      sending = undefined;
      // Reasons that came while it was sent make the next request.
      const next = reasons.pop();
      if (next && !stopped) request(next);
    });
  }

  return {
    request,
    sent: () => sent,
    async stop() {
      stopped = true;
      halt.ring();
      await sending;
    },
  };
}
