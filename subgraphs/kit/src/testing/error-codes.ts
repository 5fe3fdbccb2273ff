import { readFileSync } from 'node:fs';

/**
 * What is wrong with a package's error codes: duplicates, a missing prefix, or a code the
 * package README does not list. Empty when all is well.
 */
export function errorCodeProblems(
  codes: readonly string[],
  prefix: string,
  readmePath: string,
): string[] {
  const readme = readFileSync(readmePath, 'utf8');
  const problems: string[] = [];
  if (new Set(codes).size !== codes.length) problems.push('duplicate codes');
  for (const code of codes) {
    if (!code.startsWith(prefix)) problems.push(`${code} lacks the prefix ${prefix}`);
    if (!readme.includes(`\`${code}\``)) problems.push(`${code} is not listed in the README`);
  }
  return problems;
}
