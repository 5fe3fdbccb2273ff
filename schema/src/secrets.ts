import { InsecureSecretError } from './errors.js';

/**
 * The one switch that lets a process run with development secrets and keys: the demo and
 * the tests set it; NODE_ENV alone never does, so a deployment that forgets NODE_ENV still
 * fails closed.
 */
export const developmentSwitch = 'HUISHANG_DEV';

/** Shortest secret accepted outside development: 32 bytes, as HS256 wants its key. */
export const minimumSecretBytes = 32;

/** Secrets anyone can read: the source's development ones and the example files' placeholders. */
export const knownSecrets: readonly string[] = [
  'huishang-development-internal-secret',
  'huishang-development-jwt-secret',
  'change-me',
  'changeme',
  'secret',
];

/**
 * Whether `env` asks for development mode. HUISHANG_DEV=1 beside NODE_ENV=production is a
 * contradiction, refused so a production env file cannot switch its own checks off.
 */
export function isDevelopment(env: NodeJS.ProcessEnv): boolean {
  const value = env[developmentSwitch];
  if (value === undefined || value === '' || value === '0') return false;
  if (value !== '1')
    throw new InsecureSecretError(developmentSwitch, `must be 1 or 0, not ${value}`);
  if (env.NODE_ENV === 'production') {
    throw new InsecureSecretError(developmentSwitch, 'set together with NODE_ENV=production');
  }
  return true;
}

/** Why `secret` is unfit outside development, or undefined when it is fit. */
export function secretProblem(secret: string): string | undefined {
  if (knownSecrets.includes(secret.trim().toLowerCase())) return 'a published placeholder';
  if (Buffer.byteLength(secret, 'utf8') < minimumSecretBytes) {
    return `shorter than ${minimumSecretBytes} bytes`;
  }
  return undefined;
}

/**
 * Reads a secret variable: outside development it must be set, not a known placeholder
 * and at least 32 bytes; in development it falls back to `developmentValue`.
 */
export function readSecret(
  env: NodeJS.ProcessEnv,
  variable: string,
  developmentValue: string,
): string {
  const value = env[variable];
  if (isDevelopment(env)) return value || developmentValue;
  if (!value) throw new InsecureSecretError(variable, 'required');
  const problem = secretProblem(value);
  if (problem) throw new InsecureSecretError(variable, problem);
  return value;
}
