import { describe, expect, it } from 'vitest';
import { replicationStatusResolvers } from './replication-resolvers.js';

describe('replicationStatusResolvers', () => {
  it('names each subgraph’s field on ReplicationStatus after the subgraph, in camel case', () => {
    expect(Object.keys(replicationStatusResolvers('members').ReplicationStatus)).toContain(
      'members',
    );
    expect(Object.keys(replicationStatusResolvers('joint-sessions').ReplicationStatus)).toContain(
      'jointSessions',
    );
  });
});
