import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDebrief as debrief } from '../../../test/cli/run-debrief.ts';
import { findChromium } from '../../app/documents/print-pdf.ts';

const work = mkdtempSync(join(tmpdir(), 'debrief-export-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const target = ['--data-dir', join(work, 'data')];

describe('debrief export', () => {
  it('writes the demo as md, html, json (and pdf where Chromium is) and refuses an unknown format', async () => {
    const user = await debrief([
      'user',
      'create',
      ...target,
      '--email',
      'ops@example.com',
      '--name',
      'Ops Admin',
      '--password',
      'correct horse battery staple',
      '--role',
      'admin',
    ]);
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
});
