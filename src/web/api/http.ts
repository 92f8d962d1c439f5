import type { z } from 'zod';
import { type Problem, problemSchema } from '../../contracts/problem.ts';
import { ApiError } from './api-error.ts';
import { type ApiQuery, apiUrl } from './api-url.ts';
import { fetchApiGet, forgetEarlyReads, takeEarlyRead } from './early-reads.ts';

export { apiBase } from './api-url.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** The record's version, sent as `If-Match: "<version>"`. */
  version?: number;
  query?: ApiQuery;
}

let csrfToken: string | null = null;
let unauthorizedListener: (() => void) | null = null;

/** Remembers the session's CSRF token; every mutating request sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request outside `/auth` and `/setup` comes back 401 (the session ended). */
export function setUnauthorizedListener(listener: (() => void) | null): void {
  unauthorizedListener = listener;
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    code: `HTTP_${response.status}`,
    requestId: response.headers.get('x-request-id') ?? '',
  };
  if (!(response.headers.get('content-type') ?? '').includes('json')) {
    return fallback;
  }
  const parsed = problemSchema.safeParse(await response.json().catch(() => null));
  return parsed.success ? parsed.data : fallback;
}

/** Sends one request and throws an `ApiError` for anything but 2xx. */
export async function send(method: Method, path: string, options: RequestOptions = {}) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  if (options.version !== undefined) {
    headers['If-Match'] = `"${options.version}"`;
  }
  const url = apiUrl(path, options.query);
  const isPlainGet = method === 'GET' && options.version === undefined;
  if (!isPlainGet) {
    // An answer read before this change may not show it.
    forgetEarlyReads();
  }
  // A plain GET takes the answer to the same request if it was sent early (`readEarly`).
  const response = await (isPlainGet
    ? (takeEarlyRead(url) ?? fetchApiGet(url))
    : fetch(url, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      }));
  if (!response.ok) {
    const problem = await readProblem(response);
    const isAuthPath = path.startsWith('/auth') || path.startsWith('/setup');
    if (response.status === 401 && !isAuthPath) {
      unauthorizedListener?.();
    }
    throw new ApiError(problem);
  }
  return response;
}

/** Sends one request and validates the JSON response against `schema`. */
export async function requestJson<S extends z.ZodType>(
  schema: S,
  method: Method,
  path: string,
  options?: RequestOptions,
): Promise<z.infer<S>> {
  const response = await send(method, path, options);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError({
      type: 'about:blank',
      title: 'The server sent an unexpected response',
      status: response.status,
      code: 'UNEXPECTED_RESPONSE',
      detail: `${method} ${path}: ${parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.')} ${issue.message}`)
        .join('; ')}`,
      requestId: response.headers.get('x-request-id') ?? '',
    });
  }
  return parsed.data;
}
