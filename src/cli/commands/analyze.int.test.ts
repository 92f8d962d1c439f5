import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../../../test/cli/cli-workspace.ts';
import { runDebrief as debrief } from '../../../test/cli/run-debrief.ts';
import { ownFixture } from '../../../test/support/fixture-path.ts';

describe('debrief analyze', () => {
  const dir = temporaryFolder('analyze');
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const catalogue = write(
    'catalogue.json',
    JSON.stringify({
      services: [
        { name: 'alerting', dependsOn: ['chat-gateway'] },
        { name: 'chat-gateway', dependsOn: ['slack-proxy'] },
        { name: 'slack-proxy', dependsOn: [] },
      ],
    }),
  );
  const review = write(
    'chat-outage.md',
    [
      '---',
      'participants: [Łukasz Nowak]',
      'incidents: [{ title: Chat down, severity: sev2, services: [slack-proxy] }]',
      'action_items:',
      '  - title: Page the on-call through alerting when the queue grows',
      '    kind: detect',
      '    owner: Łukasz Nowak',
      '    due: 2026-12-20',
      '    success_criterion: A drill page arrives within two minutes',
      '---',
      '# Summary',
      '',
      'Had Łukasz checked the proxy dashboard, the outage would have been shorter.',
      '',
    ].join('\n'),
  );

  it('reports the linter and the anti-patterns, with the dependency path, as JSON', async () => {
    const run = await debrief(['analyze', review, '--catalogue', catalogue, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const findings = report.files[0].findings;
    expect(findings.map((f: { source: string; rule: string }) => [f.source, f.rule])).toEqual([
      ['language', 'counterfactual'],
      ['anti-pattern', 'circular-remediation'],
      ['anti-pattern', 'blame-game'],
    ]);
    expect(findings[1].message).toContain('alerting → chat-gateway → slack-proxy');
    expect(findings[1]).toMatchObject({ severity: 'warning', line: 5 });
    expect(report.summary).toEqual({ files: 1, findings: 3, errors: 1, warnings: 2 });
  });

  it('reads the dependency graph from Backstage catalog-info.yaml files too', async () => {
    const run = await debrief([
      'analyze',
      review,
      '--catalogue',
      ownFixture('catalogue/backstage'),
      '--json',
    ]);
    const findings = JSON.parse(run.stdout).files[0].findings;
    const circular = findings.find((f: { rule: string }) => f.rule === 'circular-remediation');
    expect(circular?.message).toContain('alerting → chat-gateway → slack-proxy');
  });

  it('prints GitHub annotations, and exits 0 when only warnings remain', async () => {
    const clean = write(
      'clean.md',
      '---\nincidents: [{ services: [slack-proxy] }]\naction_items: [{ title: More training }]\n---\n# Summary\n\nThe proxy ran out of connections.\n',
    );
    const run = await debrief(['analyze', clean, '--format', 'github']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::warning file=');
    expect(run.stdout).toContain('title=Anti-pattern%3A punitive-action-item');
  });

  it('exits 3 on a missing file or catalogue, and 2 on a catalogue that is not one', async () => {
    expect((await debrief(['analyze', join(dir, 'nope.md')])).code).toBe(3);
    expect((await debrief(['analyze', review, '--catalogue', join(dir, 'nope.json')])).code).toBe(
      3,
    );
    const bad = write('bad.json', JSON.stringify({ services: [{ dependsOn: 'x' }] }));
    const run = await debrief(['analyze', review, '--catalogue', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toBe('');
  });
});
