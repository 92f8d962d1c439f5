import type { Page } from 'playwright-core';
import { expect } from 'vitest';

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

/**
 * Writes through the API as the page's user and returns the answer's `data`; a refused write
 * fails the journey's setup at once, with the path and the problem in the message.
 */
export async function seedAsPage(
  page: Page,
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
  version?: number,
): Promise<{ id: string; version: number }> {
  const response = await apiAsPage(page, method, path, body, version);
  expect(response.status, `${path}: ${JSON.stringify(response.json)}`).toBeLessThan(300);
  return (response.json as { data: { id: string; version: number } }).data;
}

/** An incident as a journey's seed describes it: its start, and its end when resolved. */
export interface SeededIncident {
  title: string;
  kind: string;
  severity: string;
  services: string[];
  startedAt: Date;
  resolvedAt?: Date;
}

/** Creates the incident through the API as the page's user and returns its id. */
export async function seedIncident(page: Page, incident: SeededIncident): Promise<string> {
  const { startedAt, resolvedAt, ...fields } = incident;
  const created = await apiAsPage(page, 'POST', '/incidents', {
    ...fields,
    instants: {
      started_at: { at: startedAt.toISOString() },
      ...(resolvedAt ? { resolved_at: { at: resolvedAt.toISOString() } } : {}),
    },
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return (created.json as { data: { id: string } }).data.id;
}

/** The postmortem's current version, for the writes that need `If-Match`. */
export async function postmortemVersion(page: Page, id: string): Promise<number> {
  const read = await apiAsPage(page, 'GET', `/postmortems/${id}`);
  return (read.json as { data: { version: number } }).data.version;
}

/** `PATCH /postmortems/{id}` as the page's user, at the postmortem's current version. */
export async function patchPostmortem(page: Page, id: string, body: unknown) {
  return seedAsPage(page, 'PATCH', `/postmortems/${id}`, body, await postmortemVersion(page, id));
}

/** Moves the postmortem to `phase` as the page's user, at its current version. */
export async function movePostmortemTo(page: Page, id: string, phase: string) {
  return seedAsPage(
    page,
    'POST',
    `/postmortems/${id}/transitions`,
    { to: phase },
    await postmortemVersion(page, id),
  );
}
