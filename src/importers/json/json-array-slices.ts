const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const openBracket = 0x5b;
const closeBracket = 0x5d;
const openBrace = 0x7b;
const closeBrace = 0x7d;

function isJsonWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function skipWhitespace(text: string, from: number): number {
  let at = from;
  while (at < text.length && isJsonWhitespace(text.charCodeAt(at))) {
    at += 1;
  }
  return at;
}

function isBlank(text: string, from: number, to: number): boolean {
  return skipWhitespace(text, from) >= to;
}

/** The index just past the string whose opening quote is before `from`; the length if none. */
function skipString(text: string, from: number): number {
  let at = from;
  for (;;) {
    const end = text.indexOf('"', at);
    if (end < 0) {
      return text.length;
    }
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === backslash) {
      backslashes += 1;
    }
    if (backslashes % 2 === 0) {
      return end + 1;
    }
    at = end + 1;
  }
}

function* slicesOf(whole: readonly unknown[], from: number, size: number): Generator<unknown[]> {
  for (let at = from; at < whole.length; at += size) {
    yield whole.slice(at, at + size);
  }
}

/**
 * The elements of a JSON array, parsed `size` at a time, so that a large file costs many short
 * steps instead of one long `JSON.parse` (an import lets other work run between them). The text
 * is cut at the array's own commas and each piece parsed as an array; the pieces of a valid
 * array are valid arrays, and when one is not, the whole text is parsed once more, so that
 * invalid JSON throws JSON.parse's own SyntaxError. `undefined` when the text is not an array
 * (it does not start with `[`).
 */
export function jsonArraySlices(text: string, size: number): Iterable<unknown[]> | undefined {
  const open = skipWhitespace(text, 0);
  if (text.charCodeAt(open) !== openBracket) {
    return undefined;
  }
  return (function* () {
    let pieceStart = open + 1;
    let inPiece = 0;
    let emitted = 0;
    let depth = 0;
    const parsePiece = (end: number): unknown[] | undefined => {
      if (isBlank(text, pieceStart, end)) {
        return undefined;
      }
      try {
        return JSON.parse(`[${text.slice(pieceStart, end)}]`) as unknown[];
      } catch {
        return undefined;
      }
    };
    for (let at = pieceStart; at < text.length; at += 1) {
      const code = text.charCodeAt(at);
      if (code === quote) {
        at = skipString(text, at + 1) - 1;
      } else if (code === openBracket || code === openBrace) {
        depth += 1;
      } else if ((code === closeBracket || code === closeBrace) && depth > 0) {
        depth -= 1;
      } else if (code === comma && depth === 0 && ++inPiece === size) {
        const piece = parsePiece(at);
        if (!piece) {
          break;
        }
        yield piece;
        emitted += piece.length;
        pieceStart = at + 1;
        inPiece = 0;
      } else if (code === closeBracket && depth === 0) {
        const last = parsePiece(at);
        const empty = emitted === 0 && inPiece === 0 && isBlank(text, pieceStart, at);
        if ((last || empty) && isBlank(text, at + 1, text.length)) {
          if (last) {
            yield last;
          }
          return;
        }
        break;
      } else if (code === closeBrace && depth === 0) {
        break;
      }
    }
    // Not cut cleanly: the text is invalid (JSON.parse says how) or cut where this scan
    // misread it, then the elements not yet given come from the whole.
    yield* slicesOf(JSON.parse(text) as unknown[], emitted, size);
  })();
}
