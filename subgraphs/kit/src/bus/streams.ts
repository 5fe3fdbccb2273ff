import { provinceEventSubjects } from '@huishang/schema';
import {
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  StorageType,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

/** The streams of one province's account: its events, commands to its owners, their results. */
export const provinceStreams = (province: string) => ({
  events: `CPPCC_EVT_${province}`,
  commands: `CPPCC_CMD_${province}`,
  commandResults: `CPPCC_CMDRES_${province}`,
});

/** Joint-session events partners share with a province; they land in its event stream. */
export const sharedEventFilter = (province: string) => `cppcc.share.${province}.>`;

/** A republished event (same id) within this window is stored once. */
const duplicateWindow = nanos(60 * 60 * 1000);

/** The configuration of a province's three streams: file storage, kept until deleted. */
export function provinceStreamConfigs(province: string): StreamConfig[] {
  const names = provinceStreams(province);
  const stream = (name: string, subjects: string[]) =>
    ({
      name,
      subjects,
      storage: StorageType.File,
      duplicate_window: duplicateWindow,
    }) as StreamConfig;
  return [
    stream(names.events, [provinceEventSubjects(province), sharedEventFilter(province)]),
    stream(names.commands, [`cppcc.cmd.${province}.>`]),
    stream(names.commandResults, [`cppcc.cmdres.${province}.>`]),
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
        current.subjects.toSorted().join() === config.subjects.toSorted().join();
      if (!same) {
        await jsm.streams.update(config.name, {
          subjects: config.subjects,
          duplicate_window: config.duplicate_window,
        });
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
      await jsm.streams.add(config);
    }
  }
  return configs.map((c) => c.name);
}
