import { readFileSync } from 'node:fs';
import { errorTableProblems } from '@huishang/schema';

/**
 * What disagrees between a package's error declaration and its README's error table: a
 * code missing, not declared, listed twice or of another category. Empty when all is well.
 */
export const errorCodeProblems = (
  registry: Parameters<typeof errorTableProblems>[0],
  readme: URL,
): string[] => errorTableProblems(registry, readFileSync(readme, 'utf8'));
