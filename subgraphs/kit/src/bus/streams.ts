import { provinceEventSubjects } from '@huishang/schema';
import {
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

/**
 * The streams of one province's account: its events, commands to its owners, their
 * results, and replica regions' requests to their owners to publish their records again.
 */
export const provinceStreams = (province: string) => ({
  events: `CPPCC_EVT_${province}`,
  commands: `CPPCC_CMD_${province}`,
  commandResults: `CPPCC_CMDRES_${province}`,
  resync: `CPPCC_RESYNC_${province}`,
});

/** Joint-session events partners share with a province; they land in its event stream. */
export const sharedEventFilter = (province: string) => `cppcc.share.${province}.>`;

/** A republished event (same id) within this window is stored once. */
const duplicateWindow = nanos(60 * 60 * 1000);
const days = (n: number) => nanos(n * 24 * 60 * 60 * 1000);

/**
 * Events are kept 90 days: a replica that is new, wiped or further behind than that asks
 * its owners for their current snapshots instead (see the bus README, "Resync"). Commands
 * and their answers are kept 30 days, so an owner offline for weeks still gets them while
 * what a node publishes and nobody consumes cannot pile up for ever; resync requests
 * matter for a week at most.
 */
export const retention = { events: days(90), commands: days(30), resync: days(7) } as const;

/** The configuration of a province's streams: file storage, with the retention above. */
export function provinceStreamConfigs(province: string): StreamConfig[] {
  const names = provinceStreams(province);
  const stream = (name: string, subjects: string[], maxAge = 0, perSubject = -1) =>
    ({
      name,
      subjects,
      storage: StorageType.File,
      duplicate_window: duplicateWindow,
      max_age: maxAge,
      max_msgs_per_subject: perSubject,
    }) as StreamConfig;
  return [
    stream(
      names.events,
      [provinceEventSubjects(province), sharedEventFilter(province)],
      retention.events,
    ),
    stream(names.commands, [`cppcc.cmd.${province}.>`], retention.commands),
    stream(names.commandResults, [`cppcc.cmdres.${province}.>`], retention.commands),
    // A region's latest request for a subgraph supersedes its earlier ones.
    stream(names.resync, [`cppcc.resync.${province}.>`], retention.resync, 1),
  ];
}

const isStreamNotFound = (error: unknown) =>
  error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;

/**
 * Creates a province's streams, or brings existing ones to the configuration above; run
 * it as often as you like. Returns the stream names.
 */
export async function ensureStreams(jsm: JetStreamManager, province: string): Promise<string[]> {
  const configs = provinceStreamConfigs(province);
  for (const config of configs) {
    try {
      const { config: current } = await jsm.streams.info(config.name);
      const same =
        current.duplicate_window === config.duplicate_window &&
        current.max_age === config.max_age &&
        current.max_msgs_per_subject === config.max_msgs_per_subject &&
        current.subjects.toSorted().join() === config.subjects.toSorted().join();
      if (!same) {
        await jsm.streams.update(config.name, {
          subjects: config.subjects,
          duplicate_window: config.duplicate_window,
          max_age: config.max_age,
          max_msgs_per_subject: config.max_msgs_per_subject,
        });
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
      await jsm.streams.add(config);
    }
  }
  return configs.map((c) => c.name);
}
