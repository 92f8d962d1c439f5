const encoder = new TextEncoder();
const two32 = 2 ** 32;

/**
 * FNV-1a, 64 bits, over the UTF-8 bytes of `text`, as 16 hex digits. A stable, pure hash for
 * external ids (the importers may not use `node:crypto`); not for anything secret. Computed in
 * two 32-bit halves: the prime is 2^40 + 0x1b3, so `h·prime = h·0x1b3 + (h << 40)`.
 */
export function fnv1a64(text: string): string {
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (const byte of encoder.encode(text)) {
    lo ^= byte;
    const low = (lo >>> 0) * 0x1b3;
    const carry = Math.floor(low / two32);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}
