import { describe, expect, it } from 'vitest';
import {
  escapeData,
  escapeProperty,
  type FileReport,
  formatGithub,
  formatText,
  reportsAsJson,
} from './format-findings.ts';

const finding = {
  rule: 'hindsight',
  severity: 'error' as const,
  message: 'Hindsight.',
  suggestion: 'Say what was known.',
  docsUrl: 'docs/linter.md#hindsight',
  excerpt: 'should have',
  line: 3,
  column: 7,
  endLine: 3,
  endColumn: 18,
};
const reports: FileReport[] = [
  { path: 'pm/a.md', findings: [finding] },
  { path: 'pm/b.md', findings: [] },
];

describe('formatText', () => {
  it('prints path:line:column, rule, message and suggestion, then a summary per file', () => {
    expect(formatText(reports)).toEqual([
      'pm/a.md:3:7  hindsight  Hindsight.  (Say what was known.)',
      'pm/a.md: 1 finding',
      'pm/b.md: clean',
      '2 files checked, 1 finding',
    ]);
  });
});

describe('formatGithub', () => {
  it('prints one annotation per finding with its position', () => {
    expect(formatGithub(reports)).toEqual([
      '::error file=pm/a.md,line=3,col=7,endLine=3,endColumn=18,title=Blameless language%3A hindsight::Hindsight. Say what was known. “should have”',
    ]);
  });

  it('escapes data and properties', () => {
    expect(escapeData('50%\r\nnext')).toBe('50%25%0D%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });
});

describe('reportsAsJson', () => {
  it('lists files and sums findings', () => {
    expect(reportsAsJson(reports)).toEqual({
      files: reports,
      summary: { files: 2, findings: 1, errors: 1 },
    });
  });
});
