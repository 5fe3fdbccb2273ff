import { getCommitteeRegion, nodeInboxPrefix, provinceOf } from '@huishang/schema';
import { nodePermissions } from './permissions.js';
import {
  jointSessionCommandPattern,
  provinceCommandResultPattern,
  sharedEventPattern,
} from './subject-patterns.js';

/** Per-account JetStream limits; -1 is unlimited. */
export interface AccountLimits {
  maxMemoryBytes: number;
  maxFileBytes: number;
  maxStreams: number;
  /**
   * Consumers, counted per stream by nats-server 2.9 (not per account): the province demo's
   * event stream holds about 875 (`nodeConsumers` of its 106 nodes), its others fewer.
   */
  maxConsumers: number;
}

/**
 * Development limits. Storage stays unlimited: an account's byte limits are reservations
 * that nats-server checks against its disk at start-up, and refuses to start when they do
 * not fit (error 10047), which would make the dev server depend on the machine's free space.
 * In production give each account a finite `maxFileBytes`: a node may publish only what
 * its permissions allow, but nothing else bounds how much.
 */
export const devAccountLimits: AccountLimits = {
  maxMemoryBytes: -1,
  maxFileBytes: -1,
  maxStreams: 16,
  maxConsumers: 4096,
};

/**
 * Per user name: its password (or bcrypt hash); for a node, in production, the public key
 * of its nkey instead (`U…`), or several while a key is rotated. The server then holds no
 * secret at all: each node signs with its own seed, which no other node can mint.
 */
export type NatsSecrets = Readonly<Record<string, string | readonly string[]>>;

/** A user nkey's public key, as `createNodeKey` or `nk -gen user -pubout` prints it. */
export const isNkey = (secret: string): boolean => /^U[A-Z2-7]{55}$/.test(secret);

export interface NatsCredentials {
  user: string;
  pass: string;
  /** A node's user reads replies only under its own prefix (`nodePermissions`). */
  inboxPrefix?: string;
}

const accountNames: Record<string, string> = { '330000': 'ZJ', '320000': 'JS', '310000': 'SH' };

/** The NATS account of a province: ZJ, JS, SH; `P<code>` for others. */
export const accountName = (province: string): string => accountNames[province] ?? `P${province}`;

export const systemAccount = 'SYS';
export const systemUser = 'sys';

/** A node's user is named after its region code. */
export const nodeUser = (region: string): string => region;

/** Users are global in nats-server, so each account's admin carries its province. */
export const adminUser = (province: string): string => `admin-${province}`;

/** The deterministic development password of a user. */
export const devSecret = (user: string): string => `huishang-dev-${user}`;

const secretsOf = (user: string, secrets: NatsSecrets | undefined): readonly string[] => {
  if (!secrets) return [devSecret(user)];
  const secret = secrets[user];
  if (secret === undefined) throw new Error(`no NATS secret for user ${user}`);
  const all = typeof secret === 'string' ? [secret] : secret;
  if (all.length === 0 || (all.length > 1 && !all.every(isNkey)))
    throw new Error(`user ${user} needs one password, or one or more nkeys`);
  return all;
};

/** The password a user connects with; a node with an nkey connects with its seed instead. */
const secretOf = (user: string, secrets: NatsSecrets | undefined): string => {
  const [secret] = secretsOf(user, secrets) as [string];
  if (isNkey(secret))
    throw new Error(
      `user ${user} signs in with its nkey seed (NATS_NKEY_SEED_FILE), not a password`,
    );
  return secret;
};

/** How the node of `region` connects: `connect({ servers, ...nodeCredentials(region) })`. */
export const nodeCredentials = (region: string, secrets?: NatsSecrets): NatsCredentials => ({
  user: nodeUser(region),
  pass: secretOf(nodeUser(region), secrets),
  inboxPrefix: nodeInboxPrefix(region),
});

/** How a province's account admin connects (to provision streams). */
export const adminCredentials = (province: string, secrets?: NatsSecrets): NatsCredentials => ({
  user: adminUser(province),
  pass: secretOf(adminUser(province), secrets),
});

/** The users the configuration for `nodes` defines, each needing a secret. */
export function natsUsers(nodes: string[]): string[] {
  const provinces = provincesOf(nodes);
  return [
    systemUser,
    ...provinces.flatMap((p) => [adminUser(p), ...nodesOf(p, nodes).map(nodeUser)]),
  ];
}

const unique = (values: string[]) => [...new Set(values)];
const provincesOf = (nodes: string[]) => unique(nodes.map(provinceOf));
const nodesOf = (province: string, nodes: string[]) =>
  unique(nodes).filter((n) => provinceOf(n) === province);

const q = (value: string) => JSON.stringify(value);
const list = (values: string[]) => `[${values.map(q).join(', ')}]`;
const indent = (lines: string[], depth: number) =>
  lines.map((l) => (l ? `${'  '.repeat(depth)}${l}` : l));
const regionLabel = (code: string) => `${getCommitteeRegion(code).name} ${code}`;

function userBlock(user: string, secret: string, region?: string): string[] {
  if (!region) return [`{ user: ${q(user)}, password: ${q(secret)} }`];
  const { publish, subscribe } = nodePermissions(region);
  return [
    `# ${regionLabel(region)}`,
    '{',
    ...(isNkey(secret)
      ? [`  nkey: ${q(secret)}`]
      : [`  user: ${q(user)}`, `  password: ${q(secret)}`]),
    '  permissions: {',
    '    publish: { allow: [',
    ...publish.map((s) => `      ${q(s)}`),
    '    ] }',
    `    subscribe: { allow: ${list(subscribe)} }`,
    '  }',
    '}',
  ];
}

/**
 * Cross-province traffic: each account exports, as services, the subjects it accepts from
 * a partner, and imports the partners' ones. Each export names the partner's province where
 * the subject names the sender, so a partner account can speak only for its own regions. A service (not a stream) export, so that the
 * receiving account's stream acknowledges a JetStream publish back to the publisher: over
 * a stream export the message arrives but the ack never returns (nats-server 2.9).
 */
function crossProvince(province: string, partners: string[]) {
  const exports = partners.flatMap((partner) => {
    const to = `accounts: [${q(accountName(partner))}]`;
    return [
      sharedEventPattern(province, partner),
      jointSessionCommandPattern(province, partner),
      provinceCommandResultPattern(province, partner),
    ].map((subject) => `{ service: ${q(subject)}, ${to} }`);
  });
  const imports = partners.flatMap((partner) =>
    [
      sharedEventPattern(partner, province),
      jointSessionCommandPattern(partner, province),
      provinceCommandResultPattern(partner, province),
    ].map(
      (subject) => `{ service: { account: ${q(accountName(partner))}, subject: ${q(subject)} } }`,
    ),
  );
  return { exports, imports };
}

function accountBlock(
  province: string,
  nodes: string[],
  partners: string[],
  secrets: NatsSecrets | undefined,
  limits: AccountLimits,
): string[] {
  const { exports, imports } = crossProvince(province, partners);
  return [
    `# ${regionLabel(province)}`,
    `${accountName(province)} {`,
    '  jetstream {',
    `    max_mem: ${limits.maxMemoryBytes}`,
    `    max_file: ${limits.maxFileBytes}`,
    `    max_streams: ${limits.maxStreams}`,
    `    max_consumers: ${limits.maxConsumers}`,
    '  }',
    '  users: [',
    ...indent(
      [
        ...userBlock(adminUser(province), secretOf(adminUser(province), secrets)),
        ...nodesOf(province, nodes).flatMap((node) =>
          secretsOf(nodeUser(node), secrets).flatMap((secret) =>
            userBlock(nodeUser(node), secret, node),
          ),
        ),
      ],
      2,
    ),
    '  ]',
    ...(partners.length
      ? ['  exports: [', ...indent(exports, 2), '  ]', '  imports: [', ...indent(imports, 2), '  ]']
      : []),
    '}',
  ];
}

/**
 * The nats-server configuration for these nodes: one account per province with its own
 * JetStream, a user per node (publishing only as its own region), an admin user per
 * account, and the system account. Without `secrets` every password is the user's
 * deterministic development secret; with them, every user must have one.
 * Ports and the store directory are left to the command line (`-p`, `-a`, `-sd`).
 */
export function buildNatsConfig(
  nodes: string[],
  secrets?: NatsSecrets,
  limits: AccountLimits = devAccountLimits,
): string {
  for (const node of nodes) getCommitteeRegion(node);
  const missing = secrets ? natsUsers(nodes).filter((user) => secrets[user] === undefined) : [];
  if (missing.length) throw new Error(`no NATS secret for users ${missing.join(', ')}`);
  const provinces = provincesOf(nodes);
  const accounts = provinces.flatMap((province) => [
    '',
    ...accountBlock(
      province,
      nodes,
      provinces.filter((p) => p !== province),
      secrets,
      limits,
    ),
  ]);
  return [
    '# huishang NATS accounts: one per province, each with its own JetStream.',
    '# Generated by buildNatsConfig (infra/src/nats/accounts.ts); do not edit.',
    `# Nodes: ${unique(nodes).join(' ')}`,
    '# Run: nats-server -c <this file> -sd <store dir> [-p <port>]',
    '',
    'jetstream: enabled',
    `system_account: ${systemAccount}`,
    '',
    'accounts {',
    ...indent(
      [
        `${systemAccount} {`,
        `  users: [${userBlock(systemUser, secretOf(systemUser, secrets))[0]}]`,
        '}',
        ...accounts,
      ],
      1,
    ),
    '}',
    '',
  ].join('\n');
}
