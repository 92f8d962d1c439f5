import { createHmac, timingSafeEqual } from 'node:crypto';

/** How each signing vendor names its header and prefixes its HMAC-SHA256. */
export const signatureSchemes = {
  pagerduty: { header: 'x-pagerduty-signature', prefix: 'v1=' },
  github: { header: 'x-hub-signature-256', prefix: 'sha256=' },
} as const;

/**
 * True when one of the comma-separated signatures in `header` is the HMAC-SHA256 of the raw
 * body with `secret` (constant-time comparison). Missing, empty, malformed or truncated
 * signatures and an empty body are all false.
 */
export function verifySignature(
  scheme: keyof typeof signatureSchemes,
  header: string | undefined,
  body: Buffer,
  secret: string,
): boolean {
  if (header === undefined || header.trim() === '' || body.length === 0) {
    return false;
  }
  const { prefix } = signatureSchemes[scheme];
  const expected = createHmac('sha256', secret).update(body).digest();
  let matched = false;
  for (const part of header.split(',')) {
    const value = part.trim();
    if (!value.startsWith(prefix)) {
      continue;
    }
    const hex = value.slice(prefix.length);
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
      continue;
    }
    // Keep comparing after a match so the time does not depend on which signature matched.
    if (timingSafeEqual(Buffer.from(hex, 'hex'), expected)) {
      matched = true;
    }
  }
  return matched;
}
