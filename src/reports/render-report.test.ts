import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sampleReportData } from '../../test/reports/sample-report.ts';
import { googleSreTemplate } from '../domain/report-template.ts';
import { buildReport } from './build-report.ts';
import { renderHtml } from './render-html.ts';
import { renderJson } from './render-json.ts';
import { renderMarkdown } from './render-markdown.ts';
import { fromTableCell, splitTableRow, toTableCell } from './table-cell.ts';
import { whyTreeSvg } from './why-tree-svg.ts';

describe('the report model', () => {
  it('gives records local refs and links action items to the causes they address', () => {
    const report = buildReport(sampleReportData());
    expect(report.factors.map((f) => f.ref)).toEqual(['F1', 'F2']);
    expect(report.whyTree.map((n) => [n.ref, n.parentRef, n.depth])).toEqual([
      ['W1', null, 1],
      ['W2', 'W1', 2],
      ['W3', 'W1', 2],
    ]);
    expect(report.actionItems[0]?.addresses).toEqual(['F1', 'W2']);
    // An owner given only as an account is named by the participant behind it.
    expect(report.actionItems[1]?.owner).toBe('Sam Oncall');
  });

  it('measures durations between key instants and marks estimated ones', () => {
    const [incident] = buildReport(sampleReportData()).incidents;
    expect(incident?.durations.map((d) => [d.name, d.minutes, d.estimated])).toEqual([
      ['time_to_detect', 7, false],
      ['time_to_acknowledge', 3, false],
      ['time_to_mitigate', 25, true],
      ['time_to_resolve', 32, false],
    ]);
  });

  it('keeps impact figures out of the prose sections', () => {
    const report = buildReport(sampleReportData());
    expect(report.impactFigures).toEqual([
      {
        key: 'requests_affected',
        label: 'Requests affected',
        value: '1.2 million search requests',
      },
    ]);
    expect(report.parts.some((p) => p.key === 'requests_affected')).toBe(false);
  });
});

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(buildReport(sampleReportData()));

  it('opens with YAML front matter that holds the structured review', () => {
    const [, yamlText] = markdown.split(/^---$/m);
    const front = parse(yamlText ?? '');
    expect(front).toMatchObject({
      debrief: 1,
      template: 'default',
      title: 'Search results empty after cache eviction storm',
      incidents: [
        { kind: 'degradation', severity: 'sev2', services: ['search-api', 'search-cache'] },
      ],
      impact: { requests_affected: '1.2 million search requests' },
    });
    expect(front.factors).toHaveLength(2);
    expect(front.why_tree).toHaveLength(3);
    expect(front.action_items[0]).toMatchObject({ id: 'A1', addresses: ['F1', 'W2'] });
  });

  it('lays the template out as headings: What, How, Why, What next', () => {
    const headings = markdown.split('\n').filter((line) => /^#{1,4} /.test(line));
    expect(headings).toContain('## What happened');
    expect(headings).toContain('### Summary');
    expect(headings).toContain("## What's next");
    expect(headings.indexOf('## Why it happened')).toBeLessThan(headings.indexOf("## What's next"));
  });

  it('names the durations and the pinned moments', () => {
    expect(markdown).toContain('- Time to detect: 7 minutes — metric → alertmanager');
    expect(markdown).toContain('- Time to mitigate: 25 minutes (estimated)');
    expect(markdown).toContain('| 2026-03-02T14:07:00.000Z 📌 | detection |');
  });

  it('writes timeline cells that read back to the same text', () => {
    const row = markdown.split('\n').find((line) => line.includes('SearchEmptyResults')) ?? '';
    expect(fromTableCell(splitTableRow(row)[3] ?? '')).toBe(
      'Alert SearchEmptyResults fires | <b>page</b>',
    );
  });

  it('renders another template when asked', () => {
    const sre = renderMarkdown(buildReport(sampleReportData({ template: googleSreTemplate })));
    expect(sre).toContain('\n### Root Causes\n');
    expect(sre).toContain('\n## Action Items\n');
  });
});

describe('table cells', () => {
  it.each([
    '\u00a0no-break space first',
    'line separator last\u2028',
    '\ufeffbyte order mark',
    '\v\fform feeds ',
  ])('keep edge whitespace that a reader trims: %j', (text) => {
    expect(fromTableCell(splitTableRow(`| x | ${toTableCell(text)} |`)[1] ?? '')).toBe(text);
  });

  it('round-trip any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const cell = toTableCell(text);
        expect(cell).not.toMatch(/[|\n]/);
        expect(fromTableCell(splitTableRow(`| x | ${cell} |`)[1] ?? '')).toBe(text);
      }),
    );
  });
});

describe('renderHtml', () => {
  const html = renderHtml(buildReport(sampleReportData()));

  it('is one self-contained page with a print stylesheet and no scripts', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@media print');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|src="http/i);
  });

  it('escapes people’s markup and drops unsafe links', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('Alert SearchEmptyResults fires | &lt;b&gt;page&lt;/b&gt;');
  });

  it('draws the why-tree inline as SVG with escaped text', () => {
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="why-tree"');
    expect(html).toContain('hit ratio &lt;svg');
    expect(html).not.toContain('<svg onload');
  });

  it('marks proposed timeline events', () => {
    expect(html).toMatch(/escalation <span class="badge">proposed<\/span>/);
  });
});

describe('whyTreeSvg', () => {
  it('places each parent above the middle of its children', () => {
    const svg = whyTreeSvg(buildReport(sampleReportData()).whyTree);
    const xs = [...svg.matchAll(/<rect x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(3);
    expect(xs[0]).toBe(((xs[1] ?? 0) + (xs[2] ?? 0)) / 2);
  });
});

describe('renderJson', () => {
  it('serialises the same model with a format marker', () => {
    const json = JSON.parse(renderJson(buildReport(sampleReportData())));
    expect(json.format).toBe('debrief.report');
    expect(json.report.actionItems).toHaveLength(2);
    expect(json.report.timeline[1]).toMatchObject({ pinned: true, kind: 'observation' });
  });
});

describe('emitYaml', () => {
  it('writes values any YAML reader reads back the same', async () => {
    const { emitYaml } = await import('./emit-yaml.ts');
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 12 }),
          fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 40 }),
            fc.integer(),
            fc.boolean(),
            fc.constant(null),
            fc.array(fc.string({ maxLength: 20 }), { maxLength: 4 }),
            fc.array(
              fc.dictionary(
                fc.string({ minLength: 1, maxLength: 8 }),
                fc.string({ maxLength: 20 }),
              ),
              { maxLength: 3 },
            ),
          ),
        ),
        (value) => {
          expect(parse(emitYaml(value))).toEqual(Object.keys(value).length ? value : null);
        },
      ),
    );
  });
});
