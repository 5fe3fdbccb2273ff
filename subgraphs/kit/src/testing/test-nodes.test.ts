import { describe, expect, it } from 'vitest';
import { answerOf } from './test-nodes.js';

describe('answerOf', () => {
  it('returns an answered receipt as it is, without reading the status', async () => {
    const sent = { id: 'c1', status: 'APPLIED' };
    expect(await answerOf(sent, () => Promise.reject(new Error('not read')))).toBe(sent);
  });

  it('reads a pending command’s status until the owner has answered', async () => {
    const statuses = ['PENDING', 'PENDING', 'REJECTED'];
    const read: string[] = [];
    const answer = await answerOf({ id: 'c2', status: 'PENDING' }, async (id) => {
      read.push(id);
      return { id, status: statuses.shift() ?? 'PENDING' };
    });
    expect(answer).toEqual({ id: 'c2', status: 'REJECTED' });
    expect(read).toEqual(['c2', 'c2', 'c2']);
  });

  it('names the command when the owner never answers', async () => {
    const pending = { id: 'c3', status: 'PENDING' };
    await expect(answerOf(pending, async () => pending, 100)).rejects.toThrow(
      "the owner's answer to command c3",
    );
  });
});
