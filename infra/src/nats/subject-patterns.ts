import { regionTokens } from '@huishang/schema';

// Wildcard patterns over the subjects that @huishang/schema builds (eventSubject,
// sharedEventSubject, commandSubject, commandResultSubject): what a user may publish and
// subscribe to, and what an account accepts from a partner. subject-patterns.test.ts
// checks them against the builders, so the two cannot drift apart.

/** Events a node publishes as itself: `cppcc.evt.<own three tokens>.>`. */
export const ownEventPattern = (region: string): string =>
  ['cppcc', 'evt', ...regionTokens(region), '>'].join('.');

/** Resync requests a node makes, as itself (any subgraph). */
export const ownResyncPattern = (region: string): string =>
  ['cppcc', 'resync', ...regionTokens(region), '*'].join('.');

/** Joint-session events a node shares with any partner province, as itself. */
export const ownSharedEventPattern = (region: string): string =>
  ['cppcc', 'share', '*', ...regionTokens(region), 'joint-session', '>'].join('.');

/** Joint-session events that regions of `origin` province share with `partner` province. */
export const sharedEventPattern = (partner: string, origin: string): string =>
  ['cppcc', 'share', partner, origin, '*', '*', 'joint-session', '>'].join('.');

/**
 * Commands of one type (`supervision-task.dispatch`) a node sends to any owner, as itself:
 * its tokens in the last three places. One pattern per command type, so that nothing but
 * commands an owner takes travels under `cppcc.cmd`.
 */
export const ownCommandPattern = (region: string, type: string): string =>
  ['cppcc', 'cmd', '*', '*', '*', ...type.split('.'), ...regionTokens(region)].join('.');

/** Answers a node gives to any caller, as the owner: its tokens in the last three places. */
export const ownCommandResultPattern = (region: string): string =>
  ['cppcc', 'cmdres', '*', '*', '*', '*', ...regionTokens(region)].join('.');

/**
 * Commands to joint sessions owned in `province` from the regions of `sender` province: all
 * a partner may send it. The sender's province in the subject is what the partner's
 * account can prove, so the export names it.
 */
export const jointSessionCommandPattern = (province: string, sender: string): string =>
  ['cppcc', 'cmd', province, '*', '*', 'joint-session', '*', sender, '*', '*'].join('.');

/** Answers to callers in `province` from owners in `owner` province: all a partner may send it. */
export const provinceCommandResultPattern = (province: string, owner: string): string =>
  ['cppcc', 'cmdres', province, '*', '*', '*', owner, '*', '*'].join('.');
