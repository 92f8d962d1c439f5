/**
 * Rewrites a JSON text so that every integer literal of 16 or more digits becomes a string,
 * keeping its exact digits: `JSON.parse` would round Opsgenie's nanosecond epochs (above
 * 2^53), and a reviver only ever sees the already rounded number. Strings are left untouched.
 */
export function quoteBigIntegers(text: string): string {
  let out = '';
  let i = 0;
  let last = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      i += 1;
      while (i < text.length && text[i] !== '"') {
        i += text[i] === '\\' ? 2 : 1;
      }
      i += 1;
      continue;
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) {
      let end = i + 1;
      while (end < text.length && /[0-9.eE+-]/.test(text[end] ?? '')) {
        end += 1;
      }
      const literal = text.slice(i, end);
      if (/^-?\d{16,}$/.test(literal)) {
        out += `${text.slice(last, i)}"${literal}"`;
        last = end;
      }
      i = end;
      continue;
    }
    i += 1;
  }
  return out + text.slice(last);
}
