/**
 * Every match of a global pattern in `text`: what `[...text.matchAll(pattern)]` returns, the
 * same arrays in the same order, found by the pattern itself. `matchAll` copies the pattern on
 * every call, a new RegExp looked up again in V8's compilation cache, and a copy made after the
 * cache dropped the entry (it ages at each full garbage collection) compiles it anew: the
 * linter runs a few dozen large patterns over every paragraph of a file. Starts where the
 * pattern's `lastIndex` points and leaves it there, as `matchAll` does.
 */
export function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) {
    throw new TypeError('matchesOf needs a global pattern, as matchAll does');
  }
  const start = pattern.lastIndex;
  const matches: RegExpExecArray[] = [];
  try {
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      matches.push(match);
      if (match[0] === '') {
        pattern.lastIndex = advance(text, pattern.lastIndex, /[uv]/.test(pattern.flags));
      }
    }
  } finally {
    pattern.lastIndex = start;
  }
  return matches;
}

/** The index after the character at `index`: a whole code point in Unicode mode (AdvanceStringIndex). */
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) {
    return index + 1;
  }
  const codePoint = text.codePointAt(index) ?? 0;
  return index + (codePoint > 0xffff ? 2 : 1);
}
