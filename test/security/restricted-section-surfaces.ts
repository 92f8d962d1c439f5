import { expect } from 'vitest';
import { findChromium } from '../../src/app/documents/print-pdf.ts';
import { runDebrief } from '../cli/run-debrief.ts';
import type { ApiClient } from '../http/test-server.ts';
import { pdfText } from '../support/pdf-text.ts';

/**
 * The cross-cutting surfaces of `restricted-sections.int.test.ts`: what a reader who is not a
 * member of a restricted section reads, outside the per-review routes. ADD A ROW when you add a
 * surface that could carry section text (an export, a feed, a public page, search, the CLI,
 * notifications, metrics).
 */
/** The text only the section's members may read. */
export const secret = 'KESTREL-4409';
export const sectionKey = 'security_details';

/** What the test file built: the review, the comment on the section, the pages, the CLI's flags. */
export interface Scene {
  postmortemId: string;
  /** A comment on the section that @mentions every outsider (and carries the secret). */
  mentionCommentId: string;
  internalPage: string;
  publicPage: string;
  /** The real `debrief` binary's flags for this scene's data (see `cliTargetOf`). */
  cli: string[];
}

/** The CLI run as the reader's account (`--as`), as someone on the server's machine would. */
export async function cliAs(client: ApiClient, scene: Scene, args: string[]): Promise<string> {
  const run = await runDebrief([...args, ...scene.cli, '--as', client.user.email]);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout + run.stderr;
}

/** Cross-cutting surfaces a non-member reads; the answer must not carry the secret. */
export const surfaces: Array<{
  name: string;
  read: (client: ApiClient, s: Scene) => Promise<string>;
  /** Acts as an account rather than a credential (`--as`): a token adds nothing to check. */
  byAccount?: true;
}> = [
  {
    name: 'the postmortem',
    read: async (c, s) => (await c.get(`/api/v1/postmortems/${s.postmortemId}`)).body,
  },
  {
    name: 'the postmortem with its timeline',
    read: async (c, s) =>
      (await c.get(`/api/v1/postmortems/${s.postmortemId}?include=timeline`)).body,
  },
  { name: 'postmortem list', read: async (c) => (await c.get('/api/v1/postmortems')).body },
  {
    name: 'postmortem list filtered by the secret',
    read: async (c) => (await c.get(`/api/v1/postmortems?q=${secret}`)).body,
  },
  ...(['md', 'html', 'json'] as const).map((format) => ({
    name: `export ${format}`,
    read: async (c: ApiClient, s: Scene) => {
      const response = await c.get(`/api/v1/postmortems/${s.postmortemId}/export?format=${format}`);
      expect(response.statusCode).toBe(200);
      return response.body;
    },
  })),
  {
    name: 'export pdf (its text)',
    read: async (c, s) => {
      const response = await c.get(`/api/v1/postmortems/${s.postmortemId}/export?format=pdf`);
      if (!findChromium()) {
        console.warn('PDF row checked for its refusal only: no Chromium installed');
        expect(response.statusCode).toBe(503);
        return response.body;
      }
      expect(response.statusCode).toBe(200);
      return pdfText(response.rawPayload);
    },
  },
  {
    // The words in another case: the answer echoes the caller's own words in `applied.q`.
    name: 'full-text search for its words: no hit, no snippet, no count',
    read: async (c) => {
      const body = (await c.get(`/api/v1/search?q=${secret.toLowerCase()}+attacker`)).json();
      expect(body.page.total).toBe(0);
      expect(body.data).toEqual([]);
      return JSON.stringify(body);
    },
  },
  {
    name: 'full-text search for the open words beside it',
    read: async (c) => {
      const body = (await c.get('/api/v1/search?q=checkout+or+attacker')).json();
      expect(body.page.total).toBe(1);
      return JSON.stringify(body);
    },
  },
  {
    name: 'search',
    read: async (c) => {
      const response = await c.get(`/api/v1/search?q=${secret}`);
      expect(response.statusCode).toBe(200);
      // The answer repeats the query; the hits and their snippets must not carry it.
      const { data, page } = response.json();
      expect(page.total).toBe(0);
      return JSON.stringify(data);
    },
  },
  { name: 'internal feed', read: async (c) => (await c.get('/api/v1/publications')).body },
  {
    name: 'internal Atom feed',
    read: async (c) => (await c.get('/api/v1/feeds/postmortems.atom')).body,
  },
  {
    name: 'internal publication page',
    read: async (c, s) => {
      const response = await c.get(s.internalPage);
      expect(response.statusCode).toBe(200);
      return response.body;
    },
  },
  {
    name: 'public page',
    read: async (c, s) => {
      const response = await c.get(s.publicPage);
      expect(response.statusCode).toBe(200);
      return response.body;
    },
  },
  { name: 'public Atom feed', read: async (c) => (await c.get('/public/postmortems.atom')).body },
  {
    name: 'public version preview',
    read: async (c, s) =>
      (await c.get(`/api/v1/postmortems/${s.postmortemId}/public-version`)).body,
  },
  { name: 'themes', read: async (c) => (await c.get('/api/v1/themes')).body },
  { name: 'notifications', read: async (c) => (await c.get('/api/v1/notifications')).body },
  ...(
    [
      ['incident metrics by service', '/api/v1/metrics/incidents?by=service'],
      ['follow-through metrics', '/api/v1/metrics/follow-through'],
      ['action-item board', '/api/v1/action-items'],
      ['action-item CSV', '/api/v1/action-items.csv'],
      ['saved search views', '/api/v1/search/views'],
    ] as const
  ).map(([name, url]) => ({
    name,
    read: async (c: ApiClient) => {
      const response = await c.get(url);
      expect(response.statusCode).toBe(200);
      return response.body;
    },
  })),
  {
    // The words in another case, as in the API's row: `applied.q` echoes them.
    name: 'CLI: debrief search --json for its words: no hit, no count',
    byAccount: true,
    read: async (c, s) => {
      const out = await cliAs(c, s, ['search', `${secret.toLowerCase()} attacker`, '--json']);
      const body = JSON.parse(out);
      expect(body.page.total).toBe(0);
      expect(body.data).toEqual([]);
      return out;
    },
  },
  {
    name: 'CLI: debrief search --json for the open words beside it',
    byAccount: true,
    read: async (c, s) => {
      const out = await cliAs(c, s, ['search', 'checkout or attacker', '--json']);
      expect(JSON.parse(out).page.total).toBe(1);
      return out;
    },
  },
  {
    name: 'CLI: debrief search as text',
    byAccount: true,
    read: (c, s) => cliAs(c, s, ['search', 'checkout or attacker']),
  },
  ...(['md', 'html', 'json'] as const).map((format) => ({
    name: `CLI: debrief export --format ${format}`,
    byAccount: true as const,
    read: (c: ApiClient, s: Scene) => cliAs(c, s, ['export', s.postmortemId, '--format', format]),
  })),
];
