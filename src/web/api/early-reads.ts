import { type ApiQuery, apiUrl } from './api-url.ts';

/** An early answer older than this is read again rather than shown. */
const freshForMs = 10_000;

const sent = new Map<string, { at: number; response: Promise<Response> }>();

/** The request every GET of the API sends (`send` in `http.ts` sends the same one). */
export function fetchApiGet(url: string): Promise<Response> {
  return fetch(url, {
    method: 'GET',
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
}

/** Sends the read unless it is already waiting, fresh; `undefined` when it was. */
function sendOnce(path: string, query: ApiQuery | undefined): Promise<Response> | undefined {
  const url = apiUrl(path, query);
  const earlier = sent.get(url);
  if (earlier && Date.now() - earlier.at < freshForMs) {
    return undefined;
  }
  const entry = { at: Date.now(), response: fetchApiGet(url) };
  sent.set(url, entry);
  // Failed (the network, not an answer), it is forgotten: the view sends its own request.
  entry.response.catch(() => {
    if (sent.get(url) === entry) {
      sent.delete(url);
    }
  });
  return entry.response;
}

/**
 * Sends a GET now, before the view that reads it is drawn, and keeps the answer for the first
 * request of the same address (`takeEarlyRead`, called by `send`): for reads a page would
 * otherwise send only after the session check, or after another answer. Sending again keeps
 * the first request while it is fresh.
 */
export function readEarly(path: string, query?: ApiQuery): void {
  void sendOnce(path, query);
}

/**
 * `readEarly`, and the answer's JSON body for a read that follows from it: `undefined` for a
 * refusal, a failure, or a read already sent (whoever sent it follows it). Unchecked: the view
 * that takes the answer validates it with its schema.
 */
export function readEarlyJson(path: string, query?: ApiQuery): Promise<unknown> {
  const response = sendOnce(path, query);
  // Copied as the answer arrives, before the view that takes it can have read its body.
  return (response ?? Promise.resolve(undefined))
    .then((answer): Promise<unknown> | undefined =>
      answer?.ok ? answer.clone().json() : undefined,
    )
    .catch(() => undefined);
}

/** The answer `readEarly` asked for at `url`, once, if still fresh. */
export function takeEarlyRead(url: string): Promise<Response> | undefined {
  const entry = sent.get(url);
  sent.delete(url);
  return entry && Date.now() - entry.at < freshForMs ? entry.response : undefined;
}

/** Drops the early answer for one address: a change made since may be missing from it. */
export function forgetEarlyRead(path: string, query?: ApiQuery): void {
  sent.delete(apiUrl(path, query));
}

/**
 * Drops every early answer: after a change this page made, or after someone signed in or out
 * (they were read as whoever was signed in when they were sent), none may be shown.
 */
export function forgetEarlyReads(): void {
  sent.clear();
}
