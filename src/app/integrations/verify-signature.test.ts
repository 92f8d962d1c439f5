import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedFixture } from '../../../test/support/fixture-path.ts';
import { verifySignature } from './verify-signature.ts';

const folder = sharedFixture('payloads/pagerduty');
const present = existsSync(folder);
if (!present) {
  console.warn(`fixtures not found at ${folder}: signature vector tests skipped`);
}

interface Vector {
  name: string;
  signature: string;
  body: string;
  expect: string;
}

describe.skipIf(!present)('PagerDuty v3 signature vectors', () => {
  const vectors = present
    ? (JSON.parse(readFileSync(join(folder, 'webhook-v3.signature-vectors.json'), 'utf8')) as {
        secret: string;
        cases: Vector[];
      })
    : { secret: '', cases: [] };
  const bodyOf = (name: string) =>
    name === 'EMPTY' ? Buffer.alloc(0) : readFileSync(join(folder, name));

  it.each(vectors.cases)('$name → $expect', (vector) => {
    const ok = verifySignature('pagerduty', vector.signature, bodyOf(vector.body), vectors.secret);
    expect(ok).toBe(vector.expect === 'ok');
  });

  it('accepts any matching signature of a comma-separated list, and nothing truncated', () => {
    const valid = vectors.cases.find((c) => c.name === 'valid');
    const body = bodyOf(valid?.body ?? '');
    const signature = valid?.signature ?? '';
    expect(
      verifySignature('pagerduty', `v1=${'a'.repeat(64)},${signature}`, body, vectors.secret),
    ).toBe(true);
    expect(verifySignature('pagerduty', signature.slice(0, -1), body, vectors.secret)).toBe(false);
    expect(verifySignature('pagerduty', undefined, body, vectors.secret)).toBe(false);
    expect(
      verifySignature('github', signature.replace('v1=', 'sha256='), body, vectors.secret),
    ).toBe(true);
  });
});
