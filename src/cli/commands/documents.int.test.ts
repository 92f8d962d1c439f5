import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAccount, temporaryFolder } from '../../../test/cli/cli-workspace.ts';
import { runDebrief as debrief } from '../../../test/cli/run-debrief.ts';
import { findChromium } from '../../app/documents/print-pdf.ts';

const work = temporaryFolder('export-cli');
const target = ['--data-dir', join(work, 'data')];

describe('debrief export and debrief import of documents', () => {
  it('writes the demo as md, html, json (and pdf where Chromium is) and refuses an unknown format', async () => {
    const user = await createAccount(target);
    expect(user.code).toBe(0);
    const seeded = await debrief(['seed', 'demo', ...target, '--json']);
    expect(seeded.code).toBe(0);
    const { postmortemId } = JSON.parse(seeded.stdout);

    for (const format of ['md', 'html', 'json']) {
      const output = join(work, `demo.${format}`);
      const run = await debrief([
        'export',
        postmortemId,
        ...target,
        '--format',
        format,
        '--output',
        output,
      ]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Wrote ${output}`);
      expect(readFileSync(output, 'utf8')).toContain(
        'Checkout requests timing out after connection-pool change',
      );
    }

    const pdf = join(work, 'demo.pdf');
    const printed = await debrief([
      'export',
      postmortemId,
      ...target,
      '--format',
      'pdf',
      '--output',
      pdf,
    ]);
    if (findChromium()) {
      expect(printed.code).toBe(0);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      expect(printed.code).toBe(1);
      expect(printed.stderr).toContain('PDF_RENDERER_UNAVAILABLE');
      expect(existsSync(pdf)).toBe(false);
    }

    const badFormat = await debrief(['export', postmortemId, ...target, '--format', 'docx']);
    expect(badFormat.code).toBe(2);
    const unknown = await debrief(['export', '00000000-0000-4000-8000-000000000000', ...target]);
    expect(unknown.code).toBe(3);
  }, 240_000);

  it('imports the exported document as a whole new postmortem that exports the same bytes', async () => {
    const exported = join(work, 'demo.md');
    const run = await debrief(['import', exported, ...target, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [report] = JSON.parse(run.stdout).files;
    expect(report).toMatchObject({ format: 'debrief', timelineRows: 9, actionItems: 2 });
    const copy = join(work, 'copy.md');
    await debrief(['export', report.postmortemId, ...target, '--output', copy]);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(exported, 'utf8'));
  }, 240_000);

  it("describes a folder of other teams' documents with --dry-run, opening no database", async () => {
    const folder = join(work, 'team-postmortems');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'queue-backlog.md'),
      '# Queue backlog\n\n## Summary\n\nWorkers stalled.\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2026-05-04 09:12 | Queue depth alert |\n\n## Action Items\n\n- [ ] Alert on consumer lag\n\n## Notes\n\nAsk the vendor.\n',
    );
    writeFileSync(join(folder, 'README.md'), 'Our postmortems.\n');
    const dataDir = join(work, 'never-created');
    const run = await debrief(['import', folder, '--dry-run', '--json', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    const files = JSON.parse(run.stdout).files;
    expect(files.map((f: { file: string; skipped: string | null }) => [f.file, f.skipped])).toEqual(
      [
        ['README.md', 'no postmortem section recognised'],
        ['queue-backlog.md', null],
      ],
    );
    expect(files[1]).toMatchObject({ timelineRows: 1, actionItems: 1 });
    expect(files[1].unplaced.map((u: { heading: string }) => u.heading)).toEqual(['Notes']);
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);
});
