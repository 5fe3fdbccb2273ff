import { describe, expect, it } from 'vitest';
import { parseMintArgs } from './mint-args.js';

describe('parseMintArgs', () => {
  it('reads region, roles, subject and lifetime', () => {
    expect(
      parseMintArgs([
        '--region',
        '330503',
        '--roles',
        'staff, reader',
        '--subject',
        'li',
        '--expires',
        '2h',
      ]),
    ).toEqual({ region: '330503', roles: ['staff', 'reader'], subject: 'li', expiresIn: '2h' });
  });

  it('names the subject after the region and lives 12 hours by default', () => {
    expect(parseMintArgs(['--region', '330503', '--roles', 'staff'])).toEqual({
      region: '330503',
      roles: ['staff'],
      subject: 'dev-330503',
      expiresIn: '12h',
    });
  });

  it('says which argument is missing or unknown', () => {
    expect(() => parseMintArgs(['--roles', 'staff'])).toThrow('--region is required');
    expect(() => parseMintArgs(['--region', '330503'])).toThrow('--roles is required');
    expect(() => parseMintArgs(['--region', '330503', '--roles', 'staff', '--bogus'])).toThrow(
      /--bogus/,
    );
  });

  it('reads the nodes and the key file, and gives admin tokens an hour by default', () => {
    expect(
      parseMintArgs([
        '--region',
        '330500',
        '--roles',
        'admin',
        '--nodes',
        '330500,330503',
        '--key',
        'k.json',
      ]),
    ).toEqual({
      region: '330500',
      roles: ['admin'],
      subject: 'dev-330500',
      nodes: ['330500', '330503'],
      expiresIn: '1h',
      keyFile: 'k.json',
    });
  });
});
