const ellipsis = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const whitespace = /\s/;

/** The end of the last word that ends at or before `room`: 0 when no word does. */
function lastWordEnd(text: string, room: number): number {
  for (let at = Math.min(room, text.length - 1); at > 0; at -= 1) {
    if (whitespace.test(text.charAt(at)) && !whitespace.test(text.charAt(at - 1))) {
      return at;
    }
  }
  return 0;
}

/**
 * The end of the last whole character as a reader sees it (an emoji with its modifiers, a
 * letter with its accents) that ends at or before `room`: never inside a surrogate pair.
 */
function lastGraphemeEnd(text: string, room: number): number {
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > room) {
      break;
    }
    end = index + segment.length;
  }
  return end;
}

/**
 * `text` shortened to at most `maxLength` UTF-16 code units, the ellipsis included: after the
 * last whole word that fits, or, when not even the first word fits, after the last whole
 * character that does. Text that fits comes back unchanged, without an ellipsis.
 */
export function shortenAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) {
    return text;
  }
  const room = Math.max(0, maxLength - ellipsis.length);
  const end = lastWordEnd(text, room) || lastGraphemeEnd(text, room);
  return `${text.slice(0, end)}${ellipsis}`;
}
