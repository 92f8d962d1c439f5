import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from '../../../../test/http/test-server.ts';
import { describeEachDatabase } from '../../../../test/support/test-database.ts';
import { findChromium } from '../../../app/documents/print-pdf.ts';

describeEachDatabase('export routes', (kind) => {
  let server: TestServer;
  let admin: ApiClient;
  let member: ApiClient;
  let outsider: ApiClient;
  let demoId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    outsider = await server.signUp(admin, 'member');
    demoId = (await admin.post('/api/v1/demo-data')).json().data.postmortemId;
  });
  afterAll(() => server.close());

  const exportOf = (client: ApiClient, id: string, query = '') =>
    client.get(`/api/v1/postmortems/${id}/export${query}`);

  it('refuses unauthenticated callers', async () => {
    expect((await exportOf(server.anonymous, demoId)).statusCode).toBe(401);
  });

  it('refuses an unknown format or template with every issue listed', async () => {
    const response = await exportOf(admin, demoId, '?format=docx&template=Bad-Key');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().errors.length).toBe(2);
    const unknown = await exportOf(admin, demoId, '?template=no_such_template');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].code).toBe('unknown_template');
  });

  it('exports the demo as a Markdown document with its durations, as a download', async () => {
    const response = await exportOf(member, demoId, '?format=md');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="postmortem-checkout-requests-timing-out[a-z-]*\.md"$/,
    );
    const front = parse(response.body.split(/^---$/m)[1] ?? '');
    expect(front.incidents[0]).toMatchObject({ kind: 'outage', severity: 'sev2' });
    expect(front.factors).toHaveLength(2);
    expect(response.body).toContain('- Time to detect: 6 minutes — metric → alertmanager');
    expect(response.body).toContain('- Time to mitigate: 41 minutes (estimated)');
  });

  it('exports HTML and JSON from the same model', async () => {
    const html = await exportOf(member, demoId, '?format=html');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<h3>Key instants and durations</h3>');
    const json = await exportOf(member, demoId, '?format=json');
    expect(json.json().report.actionItems).toHaveLength(2);
    expect(json.json().report.timeline).toHaveLength(9);
  });

  it('exports a restricted postmortem only to those who may see it', async () => {
    const incident = (
      await member.post(
        '/api/v1/incidents',
        incidentBody({ title: 'Token leak in build logs', kind: 'security' }),
      )
    ).json().data;
    const postmortem = (
      await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    expect(postmortem.restricted).toBe(true);
    for (const format of ['md', 'html', 'json', 'pdf']) {
      const refused = await exportOf(outsider, postmortem.id, `?format=${format}`);
      expect(refused.statusCode).toBe(404);
      expect(refused.body).not.toContain('Token leak');
    }
    expect((await exportOf(member, postmortem.id)).body).toContain('Token leak in build logs');
    expect((await exportOf(admin, postmortem.id)).statusCode).toBe(200);
  });

  it('prints a PDF when Chromium is installed, and says what to install when not', async () => {
    const response = await exportOf(member, demoId, '?format=pdf');
    if (findChromium()) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      console.warn('PDF export checked for its refusal only: no Chromium installed');
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('PDF_RENDERER_UNAVAILABLE');
    }
  });
});
