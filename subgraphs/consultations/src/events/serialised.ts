/** Rows as events carry them: every Date becomes its ISO string, as JSON would have it. */
export type Serialised<T> = T extends Date
  ? string
  : T extends (infer I)[]
    ? Serialised<I>[]
    : T extends object
      ? { [K in keyof T]: Serialised<T[K]> }
      : T;
