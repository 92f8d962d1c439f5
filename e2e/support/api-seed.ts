import type { Page } from 'playwright-core';

/**
 * Calls the JSON API as the page's signed-in user (its session cookie and CSRF token), for
 * seeding what a journey does not test through the screen. `version` is sent as `If-Match`.
 */
export async function apiAsPage(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  version?: number,
): Promise<{ status: number; json: unknown }> {
  const session = await page.request.get('/api/v1/auth/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string | null };
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: {
      'x-csrf-token': csrfToken ?? '',
      'content-type': 'application/json',
      ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
    },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status(), json: text ? JSON.parse(text) : null };
}
