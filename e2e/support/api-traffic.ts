import type { Page, Request } from 'playwright-core';

/** What the page's traffic to `/api/` looked like, in the order the browser saw it. */
export interface ApiTraffic {
  /** `sent GET /api/v1/setup`, `answered GET /api/v1/setup`, …: requests and their answers. */
  steps: string[];
  /** Every request sent, as `GET /api/v1/…?query`. */
  requests: string[];
  /** Stops recording. */
  stop: () => void;
}

const named = (request: Request) => {
  const url = new URL(request.url());
  return `${request.method()} ${url.pathname}${url.search}`;
};

/**
 * Records every request the page sends to the API from now on, and when each answer came,
 * so that a test can tell requests sent together from requests that waited for another.
 */
export function recordApiTraffic(page: Page): ApiTraffic {
  const steps: string[] = [];
  const requests: string[] = [];
  const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/api/');
  const onRequest = (request: Request) => {
    if (isApi(request)) {
      steps.push(`sent ${named(request)}`);
      requests.push(named(request));
    }
  };
  const onResponse = (response: { request: () => Request }) => {
    if (isApi(response.request())) {
      steps.push(`answered ${named(response.request())}`);
    }
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  return {
    steps,
    requests,
    stop: () => {
      page.off('request', onRequest);
      page.off('response', onResponse);
    },
  };
}

/** The requests sent more than once, each with its count (`GET /api/v1/… ×2`). */
export function repeatedRequests(requests: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const request of requests) {
    counts.set(request, (counts.get(request) ?? 0) + 1);
  }
  return [...counts]
    .filter(([, count]) => count > 1)
    .map(([request, count]) => `${request} ×${count}`);
}
