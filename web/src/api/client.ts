import type { AllEndpoints, AnyRoute } from './types';

/** An answer outside 2xx (or no answer at all: status 0), with the API's messages. */
export class ApiError extends Error {
  readonly messages: string[];

  constructor(
    readonly status: number,
    messages: string | string[],
    readonly retryAfterSeconds: number | null = null,
  ) {
    const list = Array.isArray(messages) ? messages : [messages];
    super(list.join('; '));
    this.messages = list;
  }

  /** The API's messages name the field first ("title must be …", "property x is not allowed"). */
  forField(field: string): string[] {
    return this.messages.filter((m) => namesField(m, field));
  }

  /** Messages that name none of `fields`: shown at the top of the form. */
  unclaimed(fields: readonly string[]): string[] {
    return this.messages.filter((m) => !fields.some((f) => namesField(m, f)));
  }
}

function namesField(message: string, field: string): boolean {
  const m = /^(?:property\s+)?([A-Za-z_][\w]*)(?:\.\d+)?(?:\.[\w.]+)?\b/.exec(message.trim());
  return !!m && m[1] === field;
}

let accessToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Called when a request sent with a token answers 401 (signed out elsewhere, token expired). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Ep<R extends AnyRoute> = AllEndpoints[R];
type Empty = Record<string, never>;
type Part<K extends string, T> = [T] extends [Empty] | [undefined]
  ? { [P in K]?: undefined }
  : { [P in K]: T };

export type RequestOptions<R extends AnyRoute> = Part<'params', Ep<R>['params']> &
  ([Ep<R>['query']] extends [Empty] ? { query?: undefined } : { query?: Partial<Ep<R>['query']> }) &
  Part<'body', Ep<R>['body']> & { signal?: AbortSignal };

type Args<R extends AnyRoute> =
  object extends RequestOptions<R> ? [opts?: RequestOptions<R>] : [opts: RequestOptions<R>];

export function buildUrl(
  path: string,
  params?: Record<string, unknown>,
  query?: Record<string, unknown>,
): string {
  let url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, String(one));
  }
  const qs = search.toString();
  if (qs) url += `?${qs}`;
  return url;
}

/**
 * Calls one operation of the API, typed by the generated OpenAPI types:
 * `api('GET /api/groups/{groupId}', { params: { groupId } })`.
 */
export async function api<R extends AnyRoute>(
  route: R,
  ...[opts]: Args<R>
): Promise<Ep<R>['response']> {
  const space = route.indexOf(' ');
  const method = route.slice(0, space);
  const o = (opts ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
    signal?: AbortSignal;
  };
  const url = buildUrl(route.slice(space + 1), o.params, o.query);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const sentToken = accessToken;
  if (sentToken) headers.authorization = `Bearer ${sentToken}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      signal: o.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network');
  }
  if (res.status === 204) return undefined as Ep<R>['response'];
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && sentToken && sentToken === accessToken) onUnauthorized?.();
    const retry = Number(res.headers.get('retry-after'));
    const message = (data as { message?: string | string[] } | null)?.message ?? res.statusText;
    throw new ApiError(res.status, message, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return data as Ep<R>['response'];
}
