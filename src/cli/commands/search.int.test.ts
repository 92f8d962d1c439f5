import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAccount, temporaryFolder } from '../../../test/cli/cli-workspace.ts';
import { runDebrief as debrief } from '../../../test/cli/run-debrief.ts';

const target = ['--data-dir', join(temporaryFolder('search'), 'data')];

describe('debrief search [pglite data directory]', () => {
  it('finds the demo by the words of its factors and action items, with filters, as JSON and as text', async () => {
    const admin = await createAccount(target);
    expect(admin.code).toBe(0);
    expect((await debrief(['seed', 'demo', ...target])).code).toBe(0);

    const found = await debrief(['search', 'saturation', ...target, '--json']);
    expect(found.stderr).toBe('');
    expect(found.code).toBe(0);
    const body = JSON.parse(found.stdout);
    expect(body.page.total).toBe(1);
    expect(body.data[0].title).toContain('connection-pool change');
    const segments = body.data[0].snippets.flatMap(
      (s: { segments: Array<{ text: string; hit: boolean }> }) => s.segments,
    );
    expect(segments).toContainEqual({ text: 'saturation', hit: true });

    const text = await debrief(['search', 'saturation', ...target]);
    expect(text.stdout).toMatch(/(factors|action_items): .*\[saturation\]/);
    expect(text.stdout).toContain('1 of 1 shown.');

    const filtered = await debrief([
      'search',
      'saturation',
      '--phase',
      'closed',
      ...target,
      '--json',
    ]);
    expect(JSON.parse(filtered.stdout).page.total).toBe(0);

    // The demo stands in analysis: it has no published report.
    const published = await debrief([
      'search',
      'saturation',
      '--published',
      'true',
      ...target,
      '--json',
    ]);
    expect(published.code, published.stderr).toBe(0);
    expect(JSON.parse(published.stdout).page.total).toBe(0);
  });

  it('exits 2 with every problem on bad filters', async () => {
    const bad = await debrief([
      'search',
      'pool',
      '--severity',
      'sev9',
      '--limit',
      '0',
      '--published',
      'maybe',
      ...target,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('severity');
    expect(bad.stderr).toContain('limit');
    expect(bad.stderr).toContain('published');
  });
});
