import { fileURLToPath } from 'node:url';
import { buildNatsConfig } from './accounts.js';

/**
 * The demo's nodes: Zhejiang with Huzhou/Nanxun/Deqing, Jiaxing/Pinghu, Wenzhou and
 * Jinhua, the partners Suzhou/Wujiang and Shanghai/Jinshan, and the Jiangsu province node.
 */
export const devNatsNodes = [
  '330000',
  '330500',
  '330503',
  '330521',
  '330400',
  '330482',
  '330300',
  '330700',
  '320500',
  '320509',
  '310000',
  '310116',
  '320000',
];

/** The checked-in development configuration, `infra/nats/dev.conf`. */
export const devNatsConfigPath = fileURLToPath(new URL('../../nats/dev.conf', import.meta.url));

/** What `infra/nats/dev.conf` must contain: development secrets, development limits. */
export const devNatsConfig = (): string => buildNatsConfig(devNatsNodes);
