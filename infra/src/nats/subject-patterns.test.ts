import {
  commandResultSubject,
  commandSubject,
  eventSubject,
  resyncSubject,
  sharedEventSubject,
} from '@huishang/schema';
import { describe, expect, it } from 'vitest';
import {
  jointSessionCommandPattern,
  ownCommandPattern,
  ownCommandResultPattern,
  ownEventPattern,
  ownResyncPattern,
  ownSharedEventPattern,
  provinceCommandResultPattern,
  sharedEventPattern,
} from './subject-patterns.js';

/** NATS subject matching: `*` is one token, a final `>` one or more. */
function matches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (const [i, token] of p.entries()) {
    if (token === '>') return s.length > i;
    if (i >= s.length || (token !== '*' && token !== s[i])) return false;
  }
  return p.length === s.length;
}

describe('subject patterns over the schema builders', () => {
  it('lets a region ask for a resync as itself only', () => {
    const huzhou = resyncSubject('330500', 'proposals');
    expect(matches(ownResyncPattern('330500'), huzhou)).toBe(true);
    expect(matches(ownResyncPattern('330503'), huzhou)).toBe(false);
    expect(matches(ownResyncPattern('330000'), huzhou)).toBe(false);
  });

  const nanxunProposal = eventSubject('330503', 'proposal', 'submitted');

  it('lets a region publish its own events only', () => {
    expect(matches(ownEventPattern('330503'), nanxunProposal)).toBe(true);
    expect(matches(ownEventPattern('330521'), nanxunProposal)).toBe(false);
    expect(matches(ownEventPattern('330500'), nanxunProposal)).toBe(false);
    expect(matches(ownEventPattern('330000'), nanxunProposal)).toBe(false);
    expect(matches(ownEventPattern('310116'), eventSubject('310116', 'member', 'created'))).toBe(
      true,
    );
  });

  it('routes a shared joint-session event to its partner province only', () => {
    const shared = sharedEventSubject('320000', '330503', 'created');
    expect(matches(ownSharedEventPattern('330503'), shared)).toBe(true);
    expect(matches(ownSharedEventPattern('330521'), shared)).toBe(false);
    expect(matches(sharedEventPattern('320000', '330000'), shared)).toBe(true);
    expect(matches(sharedEventPattern('310000', '330000'), shared)).toBe(false);
    expect(matches(sharedEventPattern('320000', '310000'), shared)).toBe(false);
  });

  it('lets partners command joint sessions and nothing else, each as its own province', () => {
    const agree = commandSubject('330503', 'joint-session', 'agree-stage', '320509');
    const assign = commandSubject('330503', 'proposal', 'assign', '320509');
    expect(matches(jointSessionCommandPattern('330000', '320000'), agree)).toBe(true);
    expect(matches(jointSessionCommandPattern('330000', '320000'), assign)).toBe(false);
    expect(matches(jointSessionCommandPattern('330000', '310000'), agree)).toBe(false);
    expect(matches(jointSessionCommandPattern('320000', '320000'), agree)).toBe(false);
  });

  it('lets a node send commands and answers only as itself', () => {
    const fromNanxun = commandSubject('330521', 'supervision-task', 'remind', '330503');
    const remind = (region: string) => ownCommandPattern(region, 'supervision-task.remind');
    expect(matches(remind('330503'), fromNanxun)).toBe(true);
    expect(matches(remind('330521'), fromNanxun)).toBe(false);
    expect(matches(remind('330500'), fromNanxun)).toBe(false);
    expect(matches(ownCommandPattern('330503', 'supervision-task.dispatch'), fromNanxun)).toBe(
      false,
    );
    const answer = commandResultSubject('330000', '0190a1b2-c3d4', '330521');
    expect(matches(ownCommandResultPattern('330521'), answer)).toBe(true);
    expect(matches(ownCommandResultPattern('330503'), answer)).toBe(false);
  });

  it("addresses results to the caller's region and province, from the owner's province", () => {
    const result = commandResultSubject('320509', '0190a1b2-c3d4', '330503');
    expect(matches(provinceCommandResultPattern('320000', '330000'), result)).toBe(true);
    expect(matches(provinceCommandResultPattern('320000', '310000'), result)).toBe(false);
    expect(matches(provinceCommandResultPattern('330000', '330000'), result)).toBe(false);
  });
});
