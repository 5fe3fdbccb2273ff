import {
  ownCommandPattern,
  ownCommandResultPattern,
  ownEventPattern,
  ownResyncPattern,
  ownSharedEventPattern,
} from './subject-patterns.js';

export interface Permissions {
  publish: string[];
  subscribe: string[];
}

/**
 * The JetStream API a node uses on its account's streams: look them up, create and read
 * durable pull consumers, acknowledge. Publishing with acks needs no API subject (the
 * stream answers on the publisher's inbox). Streams are created by the account's admin
 * user, in development too, so nodes run with production permissions everywhere.
 */
export const nodeJetStreamApi = [
  '$JS.API.INFO',
  '$JS.API.STREAM.INFO.*',
  '$JS.API.STREAM.NAMES',
  '$JS.API.CONSUMER.>',
  '$JS.ACK.>',
];

/**
 * What the node of `region` may do. It publishes events and resync requests only as itself
 * (a county cannot publish as another county or as its city), commands to any owner and results to any
 * caller. It subscribes to its inbox (JetStream deliveries, acks and API replies come
 * there) and to what is addressed to it by core NATS: its commands and its results.
 */
export function nodePermissions(region: string): Permissions {
  return {
    publish: [
      ownEventPattern(region),
      ownSharedEventPattern(region),
      ownResyncPattern(region),
      'cppcc.cmd.>',
      'cppcc.cmdres.>',
      ...nodeJetStreamApi,
    ],
    subscribe: ['_INBOX.>', ownCommandPattern(region), ownCommandResultPattern(region)],
  };
}
