import { getCommitteeRegion } from '../regions.js';

/** Aggregates whose events travel on the bus, with the subgraph that owns each. */
export const aggregateOwners = {
  member: 'members',
  proposal: 'proposals',
  'proposal-comment': 'proposals',
  consultation: 'consultations',
  'consultation-topic': 'consultations',
  'supervision-task': 'consultations',
  'opinion-item': 'consultations',
  'joint-session': 'joint-sessions',
} as const;
export type AggregateType = keyof typeof aggregateOwners;
export const aggregateTypes = Object.keys(aggregateOwners) as AggregateType[];

/** The token for a level that does not apply (a province's city and county, a city's county). */
export const placeholder = '_';

/**
 * A committee region as three subject tokens, province first: Nanxun
 * `330000.330500.330503`, Huzhou `330000.330500._`, Jinshan (a district of a
 * municipality) `310000._.310116`.
 */
export function regionTokens(code: string): [string, string, string] {
  const region = getCommitteeRegion(code);
  if (region.level === 'PROVINCE') return [code, placeholder, placeholder];
  const parent = getCommitteeRegion(region.parentCode as string);
  if (region.level === 'CITY') return [parent.code, code, placeholder];
  if (parent.level === 'PROVINCE') return [parent.code, placeholder, code];
  return [parent.parentCode as string, parent.code, code];
}

/** The province a committee region belongs to. */
export const provinceOf = (code: string): string => regionTokens(code)[0];

/** `cppcc.evt.<province>.<city>.<county>.<aggregate>.<event>`: where an owner publishes. */
export function eventSubject(origin: string, aggregate: AggregateType, event: string): string {
  return ['cppcc', 'evt', ...regionTokens(origin), aggregate, event].join('.');
}

/**
 * The filter for one aggregate's events from every region strictly below `region` (a
 * province's cities and counties, a city's counties); a county has none.
 */
export function subtreeEventFilter(region: string, aggregate: AggregateType): string | null {
  const [province, city, county] = regionTokens(region);
  if (county !== placeholder) return null;
  if (city !== placeholder) return ['cppcc', 'evt', province, city, '*', aggregate, '*'].join('.');
  return ['cppcc', 'evt', province, '*', '*', aggregate, '*'].join('.');
}

/** Everything published by a province's regions: the subjects of its event stream. */
export const provinceEventSubjects = (province: string): string => `cppcc.evt.${province}.>`;

/**
 * Joint-session events shared with a partner province: the owner publishes them here too,
 * and exports exactly this subject to that province's account.
 */
export function sharedEventSubject(partnerProvince: string, origin: string, event: string): string {
  return ['cppcc', 'share', partnerProvince, ...regionTokens(origin), 'joint-session', event].join(
    '.',
  );
}

/**
 * `cppcc.cmd.<owner's three tokens>.<aggregate>.<command>.<sender's three tokens>`: a
 * command to an owner, from the node that sends it. A node may publish commands only under
 * its own tokens in the last three places, so the subject proves the sending node.
 */
export function commandSubject(
  owner: string,
  aggregate: AggregateType,
  command: string,
  sender: string,
): string {
  return ['cppcc', 'cmd', ...regionTokens(owner), aggregate, command, ...regionTokens(sender)].join(
    '.',
  );
}

/** Every command to one aggregate of `owner`, from any sender: its command consumer's filter. */
export const commandFilter = (owner: string, aggregate: AggregateType): string =>
  ['cppcc', 'cmd', ...regionTokens(owner), aggregate, '*', '*', '*', '*'].join('.');

/**
 * `cppcc.cmdres.<caller's three tokens>.<commandId>.<owner's three tokens>`: where the owner
 * answers a command, addressed to the caller's node and, like a command, proving who answers.
 */
export function commandResultSubject(caller: string, commandId: string, owner: string): string {
  return ['cppcc', 'cmdres', ...regionTokens(caller), commandId, ...regionTokens(owner)].join('.');
}

/** Every answer addressed to `caller`'s node: its results consumer's filter. */
export const commandResultFilter = (caller: string): string =>
  ['cppcc', 'cmdres', ...regionTokens(caller), '*', '*', '*', '*'].join('.');

/** The sending region a command's or answer's subject names in its last three tokens. */
export function senderOfSubject(subject: string): string | null {
  const tokens = subject.split('.');
  return tokens.length < 5 ? null : regionOfTokens(tokens.slice(-3));
}

/**
 * `cppcc.resync.<province>.<city>.<county>.<subgraph>`: a replica region asks the owners
 * whose records it keeps to publish their current snapshots again. Like an event, it is
 * published under the asker's own tokens, so the subject proves who asks.
 */
export function resyncSubject(requester: string, subgraph: string): string {
  return ['cppcc', 'resync', ...regionTokens(requester), subgraph].join('.');
}

/** Every resync request for `subgraph` from the regions of `province`: what an owner reads. */
export const provinceResyncFilter = (province: string, subgraph: string): string =>
  ['cppcc', 'resync', province, '*', '*', subgraph].join('.');

/** The region whose tokens a subject carries after its two leading tokens (`cppcc.<kind>`). */
export const regionOfSubject = (subject: string): string | null =>
  regionOfTokens(subject.split('.').slice(2, 5));

/** The committee region of three subject tokens, when they are exactly its tokens. */
function regionOfTokens([province, city, county]: string[]): string | null {
  const code = [county, city, province].find((t) => t !== undefined && t !== placeholder);
  if (!code || !province) return null;
  try {
    return regionTokens(code).join('.') === [province, city, county].join('.') ? code : null;
  } catch {
    return null;
  }
}

/**
 * The inbox prefix of a node's NATS user: replies to its requests (JetStream deliveries,
 * acknowledgements of its publishes, API answers) come under it, and only it may read them.
 */
export const nodeInboxPrefix = (region: string): string => `_INBOX_${region}`;
