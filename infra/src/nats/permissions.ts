import { consultationsSubgraph } from '@huishang/consultations';
import { jointSessionsSubgraph } from '@huishang/joint-sessions';
import { membersSubgraph } from '@huishang/members';
import { proposalsSubgraph } from '@huishang/proposals';
import { commandTypes, nodeInboxPrefix } from '@huishang/schema';
import { busConsumers, type DurableSpec } from '@huishang/subgraph-kit/bus';
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

const subgraphModules = [
  membersSubgraph,
  proposalsSubgraph,
  consultationsSubgraph,
  jointSessionsSubgraph,
];

/** Every durable consumer the node of `region` runs, in all four subgraphs. */
export const nodeConsumers = (region: string): DurableSpec[] =>
  subgraphModules.flatMap((module) => busConsumers(region, module));

/**
 * The JetStream API a node may use on one of its own consumers: create it (the filter is
 * part of the subject, so it cannot be made to read anything else), read its state, pull
 * its messages, acknowledge them. Nothing lets it delete, list or read another's.
 */
const consumerApi = ({ stream, name, filter }: DurableSpec): string[] => [
  `$JS.API.CONSUMER.CREATE.${stream}.${name}.${filter}`,
  `$JS.API.CONSUMER.INFO.${stream}.${name}`,
  `$JS.API.CONSUMER.MSG.NEXT.${stream}.${name}`,
  `$JS.ACK.${stream}.${name}.>`,
];

/**
 * The rest of the JetStream API a node uses: the account's limits and its streams' state.
 * Publishing with acks needs no API subject (the stream answers on the publisher's inbox).
 * Streams are created by the account's admin user, in development too, so nodes run with
 * production permissions everywhere.
 */
export const nodeJetStreamApi = ['$JS.API.INFO', '$JS.API.STREAM.INFO.*'];

/**
 * What the node of `region` may do. It publishes events, resync requests, commands and
 * answers only as itself: its own tokens in the subject (a county cannot publish as
 * another county or as its city, nor answer a command sent to another). It reads only
 * through its own durable consumers and only under its own inbox prefix, so it cannot
 * overhear what other nodes are delivered.
 */
export function nodePermissions(region: string): Permissions {
  return {
    publish: [
      ownEventPattern(region),
      ownSharedEventPattern(region),
      ownResyncPattern(region),
      ...commandTypes().map((type) => ownCommandPattern(region, type)),
      ownCommandResultPattern(region),
      ...nodeJetStreamApi,
      ...nodeConsumers(region).flatMap(consumerApi),
    ],
    subscribe: [`${nodeInboxPrefix(region)}.>`],
  };
}
