import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../domain/policy.ts';
import { loadPolicyFile, PolicyFileError } from './load-policy-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'debrief-policy-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const problemsOf = (path: string) => {
  try {
    loadPolicyFile(path);
  } catch (error) {
    if (error instanceof PolicyFileError) {
      return error.problems;
    }
    throw error;
  }
  return [];
};

describe('loadPolicyFile', () => {
  it('uses the built-in policy without a file', () => {
    expect(loadPolicyFile(undefined)).toBe(defaultPolicy);
  });

  it('loads the documented example, which matches the built-in rules plus holidays', () => {
    const example = fileURLToPath(new URL('../../docs/policy.example.yaml', import.meta.url));
    const policy = loadPolicyFile(example);
    expect(policy.holidays).toEqual(['2026-12-25', '2027-01-01']);
    expect(policy.requirePostmortem.nearMissPotentialSeverities).toEqual(['sev1']);
    expect(policy.factorTaxonomy).toEqual(defaultPolicy.factorTaxonomy);
  });

  it('reads JSON and keeps unspecified sections from the built-in policy', () => {
    const policy = loadPolicyFile(
      file('p.json', '{"requiredReviewerApprovals":{"sev1":3,"sev2":2,"sev3":1,"sev4":0}}'),
    );
    expect(policy.requiredReviewerApprovals.sev1).toBe(3);
    expect(policy.reportSections).toEqual(defaultPolicy.reportSections);
  });

  it('lists every problem of an invalid file', () => {
    const problems = problemsOf(
      file(
        'bad.yaml',
        'requiredReviewerApprovals:\n  sev1: -1\n  sev2: 1\n  sev3: 1\n  sev4: 0\nholidays: [tomorrow]\nunknownSection: true\n',
      ),
    );
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/requiredReviewerApprovals\.sev1/);
    expect(problems.join('\n')).toMatch(/holidays\.0/);
  });

  it('names unreadable, unparsable and non-mapping files', () => {
    expect(problemsOf(join(dir, 'missing.yaml'))).toHaveLength(1);
    expect(problemsOf(file('broken.yaml', 'a: [1, 2\n'))).toHaveLength(1);
    expect(problemsOf(file('list.yaml', '- 1\n- 2\n'))).toHaveLength(1);
  });
});
