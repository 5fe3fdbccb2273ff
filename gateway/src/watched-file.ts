import { readFile, stat } from 'node:fs/promises';

/** A file's parsed content, re-read when it changes (a new key, a revoked token). */
export interface WatchedFile<T> {
  /** The content as the file holds it now; throws while the file is missing or malformed. */
  current(): Promise<T>;
}

/**
 * Reads `path` through `parse`, and again whenever its size, mtime or inode changes (an
 * edit, or a new file renamed over it). Each call stats the file, so a change counts from
 * the next request on; concurrent calls share one stat. A stat is cheaper than the
 * signature check it precedes, and, unlike fs.watch, sees renames everywhere.
 */
export function watchFile<T>(path: string, parse: (text: string) => T): WatchedFile<T> {
  let seen: { stamp: string; value: T } | undefined;
  let pending: Promise<T> | undefined;
  const load = async (): Promise<T> => {
    const { size, mtimeMs, ino } = await stat(path);
    const stamp = `${ino}:${size}:${mtimeMs}`;
    if (seen?.stamp === stamp) return seen.value;
    const value = parse(await readFile(path, 'utf8'));
    seen = { stamp, value };
    return value;
  };
  return {
    current() {
      pending ??= load().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}
