import { nodePath } from './settings.js';

/** A refusal or failure as GraphQL or the gateway said it, with its code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The root field it concerns, when GraphQL named one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface Answer<T> {
  data: Partial<T>;
  /** Errors by root field: a panel shows its own and the others still paint. */
  errors: ApiError[];
}

let token: string | undefined;
export const useToken = (value: string | undefined): void => {
  token = value;
};

const headers = (): Record<string, string> => ({
  'content-type': 'application/json',
  ...(token && { authorization: `Bearer ${token}` }),
});

type WireError = {
  message?: string;
  path?: unknown[];
  extensions?: { code?: string; reason?: string; fields?: Record<string, unknown> };
};

// `reason` is the precise code (GATEWAY_TOKEN_EXPIRED), `code` its category (UNAUTHENTICATED)
const toError = (error: WireError) =>
  new ApiError(
    error.message ?? '未知错误',
    error.extensions?.reason ?? error.extensions?.code ?? 'UNKNOWN',
    typeof error.path?.[0] === 'string' ? error.path[0] : undefined,
  );

/** One GraphQL request at this node's gateway with the caller's token. */
export async function graphql<T>(query: string, variables: object = {}): Promise<Answer<T>> {
  const response = await fetch(nodePath('graphql'), {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: Partial<T> | null;
    errors?: WireError[];
  };
  const errors = (body.errors ?? []).map(toError);
  if (!body.data) throw errors[0] ?? new ApiError(`HTTP ${response.status}`, 'HTTP_ERROR');
  return { data: body.data, errors };
}

/** Several root fields, each its own request, merged into one answer. */
export async function graphqlFields<T>(
  fields: Record<string, string>,
  query: (field: string) => string,
  variables: object,
): Promise<Answer<T>> {
  const answers = await Promise.all(
    Object.entries(fields).map(([name, field]) =>
      graphql<T>(query(field), variables).catch((error: ApiError) => ({
        data: {},
        errors: [new ApiError(error.message, error.code, name)],
      })),
    ),
  );
  return {
    data: Object.assign({}, ...answers.map((a) => a.data)),
    errors: answers.flatMap((a) => a.errors),
  };
}

export interface CallerInfo {
  subject: string;
  region: string;
  name: string;
  roles: string[];
  /** The region the page starts at: the caller's own, or the node's when it lies above. */
  home: string;
}

/** Who the token says the caller is, verified by the gateway. */
export async function whoAmI(): Promise<CallerInfo> {
  const response = await fetch(nodePath('dashboard/caller'), { headers: headers() });
  const body = await response.json();
  if (!response.ok) throw toError(body.errors?.[0] ?? {});
  return body as CallerInfo;
}

/**
 * Follows the node's change stream (`dashboard/changes`, read with fetch since EventSource
 * cannot send a token) and calls `onChange` for each change; reconnects after a drop, and
 * calls `onChange` then too, since changes may have been missed.
 */
export function followChanges(onChange: () => void, onState: (live: boolean) => void): void {
  const connect = async () => {
    try {
      const response = await fetch(nodePath('dashboard/changes'), { headers: headers() });
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      onState(true);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let pending = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        pending += value;
        const events = pending.split('\n\n');
        pending = events.pop() ?? '';
        if (events.some((event) => event.startsWith('data:'))) onChange();
      }
    } catch {
      // the stream dropped or was refused: said by the indicator, tried again below
    }
    onState(false);
    setTimeout(() => {
      onChange();
      void connect();
    }, 3_000);
  };
  void connect();
}
