import { describe, expect, it } from 'vitest';
import { provinceStreamConfigs } from './streams.js';

describe('province streams', () => {
  it('hold events (own and shared), commands and results, on file, de-duplicated for an hour', () => {
    const configs = provinceStreamConfigs('320000');
    expect(configs.map((c) => [c.name, c.subjects])).toEqual([
      ['CPPCC_EVT_320000', ['cppcc.evt.320000.>', 'cppcc.share.320000.>']],
      ['CPPCC_CMD_320000', ['cppcc.cmd.320000.>']],
      ['CPPCC_CMDRES_320000', ['cppcc.cmdres.320000.>']],
    ]);
    for (const config of configs) {
      expect(config.storage).toBe('file');
      expect(config.duplicate_window).toBe(3_600_000_000_000);
    }
  });
});
