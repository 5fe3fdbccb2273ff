import { childrenOf, UnknownRegionError } from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import {
  accountName,
  adminCredentials,
  buildNatsConfig,
  devAccountLimits,
  devSecret,
  natsUsers,
  nodeCredentials,
} from './accounts.js';
import { nodeConsumers } from './permissions.js';

const accountBlock = (config: string, name: string) => {
  const start = config.indexOf(`\n  ${name} {`);
  return config.slice(start, config.indexOf('\n  }\n', start));
};

describe('buildNatsConfig', () => {
  const nodes = ['330000', '330503', '320509', '310116'];
  const config = buildNatsConfig(nodes);

  it('makes one account per province plus the system account', () => {
    expect(config).toContain('system_account: SYS');
    expect(config).toContain('jetstream: enabled');
    for (const name of ['SYS', 'ZJ', 'JS', 'SH']) expect(config).toContain(`\n  ${name} {`);
    expect(['330000', '320000', '310000', '340000'].map(accountName)).toEqual([
      'ZJ',
      'JS',
      'SH',
      'P340000',
    ]);
  });

  it("puts every node's user, named after its region, in its province's account", () => {
    const zj = accountBlock(config, 'ZJ');
    expect(zj).toContain('user: "330000"');
    expect(zj).toContain('user: "330503"');
    expect(zj).toContain('{ user: "admin-330000", password: "huishang-dev-admin-330000" }');
    expect(zj).not.toContain('320509');
    expect(accountBlock(config, 'SH')).toContain('user: "310116"');
    expect(accountBlock(config, 'ZJ')).toContain('max_streams: 16');
  });

  it('exports to each partner only what it may receive, as services', () => {
    const zj = accountBlock(config, 'ZJ');
    expect(zj).toContain(
      '{ service: "cppcc.share.330000.320000.*.*.joint-session.>", accounts: ["JS"] }',
    );
    // Each partner may command joint sessions, and answer, only as a region of its own province.
    expect(zj).toContain(
      '{ service: "cppcc.cmd.330000.*.*.joint-session.*.320000.*.*", accounts: ["JS"] }',
    );
    expect(zj).toContain('{ service: "cppcc.cmdres.330000.*.*.*.310000.*.*", accounts: ["SH"] }');
    expect(zj).toContain(
      '{ service: { account: "SH", subject: "cppcc.share.310000.330000.*.*.joint-session.>" } }',
    );
    expect(zj).not.toMatch(/stream:/);
  });

  it('needs no exports or imports for a single province', () => {
    expect(buildNatsConfig(['330503', '330500'])).not.toMatch(/exports|imports/);
  });

  it('uses deterministic development secrets unless secrets are given', () => {
    expect(nodeCredentials('330503')).toEqual({
      inboxPrefix: '_INBOX_330503',
      user: '330503',
      pass: devSecret('330503'),
    });
    expect(buildNatsConfig(nodes)).toBe(config);
    const secrets = Object.fromEntries(natsUsers(nodes).map((u) => [u, `secret-${u}`]));
    const given = buildNatsConfig(nodes, secrets);
    expect(given).toContain('password: "secret-330503"');
    expect(given).not.toContain('huishang-dev-');
    expect(adminCredentials('320000', secrets)).toEqual({
      user: 'admin-320000',
      pass: 'secret-admin-320000',
    });
  });

  it('refuses given secrets that miss a user, naming it', () => {
    expect(() => buildNatsConfig(['330503'], { sys: 's', 'admin-330000': 'a' })).toThrow(
      'no NATS secret for users 330503',
    );
  });

  it('refuses a region that has no committee', () => {
    expect(() => buildNatsConfig(['330599'])).toThrow(UnknownRegionError);
  });
});

describe('the province on one server', () => {
  it('fits every node’s consumers within the per-stream limit, with room to grow', async () => {
    const regions = ['330000'];
    for (const city of await childrenOf('330000')) {
      regions.push(city.code, ...(await childrenOf(city.code)).map((county) => county.code));
    }
    const perStream = new Map<string, number>();
    for (const region of regions)
      for (const { stream } of nodeConsumers(region))
        perStream.set(stream, (perStream.get(stream) ?? 0) + 1);
    const most = Math.max(...perStream.values());
    expect(regions).toHaveLength(102);
    expect(most).toBeGreaterThan(500);
    expect(most).toBeLessThan(devAccountLimits.maxConsumers / 2);
  });
});
