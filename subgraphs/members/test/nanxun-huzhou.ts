import { startTestSubgraph, type TestCaller } from '@huishang/subgraph-kit/testing';
import { afterAll } from 'vitest';
import { membersSubgraph } from '../src/index.js';

/** Huzhou's staff at its own node. */
export const huzhou: TestCaller = { region: '330500', node: '330500' };

/**
 * Nanxun (330503), which owns its members, and Huzhou one level up, which keeps replicas of
 * them and has its own, hosted on a fresh database (`label`); closed after the file's tests.
 */
export async function startNanxunAndHuzhou(label?: string) {
  const subgraph = await startTestSubgraph(membersSubgraph, {
    regions: ['330503', '330500'],
    ...(label && { label }),
  });
  afterAll(() => subgraph.close());
  return subgraph;
}
