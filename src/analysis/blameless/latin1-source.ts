/** The letters (`\p{L}`) and marks (`\p{M}`, none) of Latin-1, as V8 knows them (a test checks). */
export const latin1Letters =
  'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff';

/**
 * The same pattern for texts within Latin-1: each `\p{L}` and `\p{M}` of a character class
 * written out as the Latin-1 characters it holds. V8 builds every such class anew, with its
 * Unicode case closure, each time it compiles a pattern: the letter classes of `{who}` were
 * half of a template's compile time. On a Latin-1 subject both match the same characters, case
 * folded or not: no character of Latin-1 outside the letters has a case partner. `undefined`
 * (use the pattern as written) for any other property or one outside a class.
 */
export function latin1Source(source: string): string | undefined {
  let written = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (char === '\\') {
      const property = source.slice(i, i + 5);
      if (property === '\\p{L}' || property === '\\p{M}') {
        if (!inClass) {
          return undefined;
        }
        written += property === '\\p{L}' ? latin1Letters : '';
        i += 4;
        continue;
      }
      if (/[pP]/.test(source[i + 1] ?? '')) {
        return undefined;
      }
      written += source.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (char === '[') {
      inClass = true;
    } else if (char === ']') {
      inClass = false;
    }
    written += char;
  }
  return written;
}
