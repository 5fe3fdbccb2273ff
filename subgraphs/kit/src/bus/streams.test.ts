import { describe, expect, it } from 'vitest';
import { provinceStreamConfigs } from './streams.js';

describe('province streams', () => {
  it('hold events (own and shared), commands, results and resync requests, on file, de-duplicated for an hour', () => {
    const configs = provinceStreamConfigs('320000');
    expect(configs.map((c) => [c.name, c.subjects])).toEqual([
      ['CPPCC_EVT_320000', ['cppcc.evt.320000.>', 'cppcc.share.320000.>']],
      ['CPPCC_CMD_320000', ['cppcc.cmd.320000.>']],
      ['CPPCC_CMDRES_320000', ['cppcc.cmdres.320000.>']],
      ['CPPCC_RESYNC_320000', ['cppcc.resync.320000.>']],
    ]);
    // Events for 90 days, requests for a week, commands and answers until deleted.
    const day = 86_400_000_000_000;
    expect(configs.map((c) => c.max_age)).toEqual([90 * day, 30 * day, 30 * day, 7 * day]);
    // Only a region's latest resync request per subgraph is kept.
    expect(configs.map((c) => c.max_msgs_per_subject)).toEqual([-1, -1, -1, 1]);
    for (const config of configs) {
      expect(config.storage).toBe('file');
      expect(config.duplicate_window).toBe(3_600_000_000_000);
    }
  });
});
