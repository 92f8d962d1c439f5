import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { editorHints } from '../src/web/features/postmortems/editor-hints.ts';
import { runDebrief } from './cli/run-debrief.ts';
import {
  type ApiClient,
  incidentBody,
  startTestServer,
  type TestServer,
} from './http/test-server.ts';
import { readLabelledSentences } from './support/labelled-sentences.ts';
import { describeEachDatabase } from './support/test-database.ts';

const participants = ['José Álvarez', 'Søren Kjær', 'Zoë Ng', 'Łukasz Wiśniewski', 'Дмитрий Орлов'];
const services = ['checkout-api', 'ledger'];
/** Blame of the participants by their accented names, and sentences about them that are fine. */
const aboutParticipants = [
  'Søren overlooked the replication alarm.',
  'Had José checked the dashboard, the outage would have been shorter.',
  "The outage was Zoë's mistake.",
  'Дмитрий forgot to renew the certificate.',
  'Łukasz restored the ledger from the snapshot.',
];
const paragraphs = [...aboutParticipants, ...readLabelledSentences().map((s) => s.sentence)];
const summary = paragraphs.join('\n\n');

interface Found {
  rule: string;
  severity: string;
  excerpt: string;
}
const asKeys = (findings: readonly Found[]) =>
  findings.map((f) => `${f.rule}|${f.severity}|${f.excerpt.replace(/\s+/g, ' ')}`).sort();

describeEachDatabase('one linter everywhere', (kind) => {
  let server: TestServer;
  let member: ApiClient;
  let base: string;
  const dir = mkdtempSync(join(tmpdir(), 'debrief-one-linter-'));

  beforeAll(async () => {
    server = await startTestServer(kind);
    const admin = await server.setUpAdmin();
    member = await server.signUp(admin, 'member');
    await member.post('/api/v1/services/import', {
      services: services.map((name) => ({ name, dependsOn: [] })),
    });
    const incident = (await member.post('/api/v1/incidents', incidentBody())).json().data;
    const postmortem = (
      await member.post('/api/v1/postmortems', { incidentIds: [incident.id] })
    ).json().data;
    base = `/api/v1/postmortems/${postmortem.id}`;
    for (const name of participants) {
      await member.post(`${base}/participants`, { name, role: 'engineering' });
    }
    const version = (await member.get(base)).json().data.version;
    const saved = await member.patch(base, { sections: { summary } }, version);
    expect(saved.statusCode).toBe(200);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds blame of participants by their accented names in the stored postmortem', async () => {
    const body = (await member.get(`${base}/blameless-findings`)).json();
    const flagged = aboutParticipants.map((sentence) => {
      const start = summary.indexOf(sentence);
      return body.data.some(
        (f: { target: { start: number } }) =>
          f.target.start >= start && f.target.start < start + sentence.length,
      );
    });
    // Four blaming sentences about participants, then one that is fine.
    expect(flagged).toEqual([true, true, true, true, false]);
    expect(body.context).toEqual({
      people: participants,
      services,
      settings: { disabledRules: [], extraTerms: [] },
    });
  });

  it('gives the same findings in the editor, on the server and in debrief lint', async () => {
    const body = (await member.get(`${base}/blameless-findings`)).json();
    const onServer = asKeys(body.data);
    const inEditor = asKeys(editorHints('sections.summary', summary, body.context));

    const file = join(dir, 'postmortem.md');
    const frontMatter = [
      '---',
      `participants: [${participants.map((p) => JSON.stringify(p)).join(', ')}]`,
      `services: [${services.join(', ')}]`,
      '---',
    ].join('\n');
    writeFileSync(file, `${frontMatter}\n\n# Summary\n\n${summary}\n`);
    const run = await runDebrief(['lint', file, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const fromCli = asKeys(JSON.parse(run.stdout).files[0].findings);

    expect(onServer.length).toBeGreaterThan(150);
    expect(inEditor).toEqual(onServer);
    expect(fromCli).toEqual(onServer);
  });
});
