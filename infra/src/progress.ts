/** A progress bar on stderr: one line redrawn on a terminal, a plain line now and then otherwise. */
export interface Progress {
  /** One more unit done, named by `label`. */
  tick(label: string): void;
  /** Ends the bar with a summary line. */
  done(summary: string): void;
}

export function createProgress(
  what: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const started = Date.now();
  let count = 0;
  let lastPlain = -1;
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  const width = 30;
  const draw = (label: string) => {
    const filled = total ? Math.round((count / total) * width) : width;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const line = `${what} ${bar} ${count}/${total} ${seconds()} ${label}`;
    const columns = stream.columns ?? 100;
    stream.write(`\r${line.slice(0, columns - 1)}\x1b[K`);
  };
  return {
    tick(label) {
      count += 1;
      if (stream.isTTY) return draw(label);
      // Not a terminal (a log, CI): a line at every tenth of the way.
      const tenth = Math.floor((count / Math.max(total, 1)) * 10);
      if (tenth !== lastPlain || count === total) {
        lastPlain = tenth;
        stream.write(`${what} ${count}/${total} ${seconds()} ${label}\n`);
      }
    },
    done(summary) {
      if (stream.isTTY) stream.write('\r\x1b[K');
      stream.write(`${what}: ${summary} (${seconds()})\n`);
    },
  };
}
