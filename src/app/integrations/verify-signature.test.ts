import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownFixture, sharedFixture } from '../../../test/support/fixture-path.ts';
import { verifySignature } from './verify-signature.ts';

interface Vector {
  name: string;
  signature: string;
  body: string;
  expect: string;
}

/**
 * PagerDuty v3 signature vectors in one folder: the project's own, computed with openssl over a
 * body written in PagerDuty's shape, and PagerDuty's published ones beside the repository.
 */
const vectorSets = [
  { source: 'own', folder: ownFixture('payloads/pagerduty'), file: 'signature-vectors.json' },
  {
    source: 'PagerDuty’s published',
    folder: sharedFixture('payloads/pagerduty'),
    file: 'webhook-v3.signature-vectors.json',
  },
].map((set) => ({ ...set, present: existsSync(join(set.folder, set.file)) }));
for (const set of vectorSets.filter((s) => !s.present)) {
  console.warn(`${set.source} signature vectors absent at ${set.folder}: their cases skipped`);
}

describe.each(vectorSets)('$source PagerDuty v3 signature vectors', ({ folder, file, present }) => {
  const vectors = present
    ? (JSON.parse(readFileSync(join(folder, file), 'utf8')) as { secret: string; cases: Vector[] })
    : { secret: '', cases: [] };
  const bodyOf = (name: string) =>
    name === 'EMPTY' ? Buffer.alloc(0) : readFileSync(join(folder, name));

  it.skipIf(!present).each(vectors.cases)('$name → $expect', (vector) => {
    const ok = verifySignature('pagerduty', vector.signature, bodyOf(vector.body), vectors.secret);
    expect(ok).toBe(vector.expect === 'ok');
  });

  it.skipIf(!present)(
    'accepts any matching signature of a comma-separated list, and nothing truncated',
    () => {
      const valid = vectors.cases.find((c) => c.name === 'valid');
      const body = bodyOf(valid?.body ?? '');
      const signature = valid?.signature ?? '';
      expect(
        verifySignature('pagerduty', `v1=${'a'.repeat(64)},${signature}`, body, vectors.secret),
      ).toBe(true);
      expect(verifySignature('pagerduty', signature.slice(0, -1), body, vectors.secret)).toBe(
        false,
      );
      expect(verifySignature('pagerduty', undefined, body, vectors.secret)).toBe(false);
      expect(
        verifySignature('github', signature.replace('v1=', 'sha256='), body, vectors.secret),
      ).toBe(true);
    },
  );
});
