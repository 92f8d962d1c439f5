/** Past participles of actions that do not end in -ed ("known", "run", "cut"). */
export const irregularParticiples: readonly string[] = [
  'known',
  'seen',
  'taken',
  'done',
  'run',
  'read',
  'gone',
  'made',
  'caught',
  'written',
  'given',
  'kept',
  'left',
  'shown',
  'told',
  'thought',
  'built',
  'sent',
  'spent',
  'paid',
  'held',
  'chosen',
  'spoken',
  'forgotten',
  'hidden',
  'begun',
  'put',
  'set',
  'cut',
  'let',
  'hit',
  'shut',
  'quit',
  'brought',
  'bought',
  'sought',
  'found',
  'heard',
  'led',
  'met',
  'felt',
  'dealt',
  'meant',
  'got',
  'gotten',
  'understood',
  'stood',
];

const irregular = new Set(irregularParticiples);

/**
 * The regular-expression source of an irregular participle, also with a prefix: joined
 * ("rerun", "redone") or hyphenated ("re-run", "dry-run", "double-read"). Lower-case; the
 * templates match case-insensitively.
 */
export const irregularParticipleSource = `(?:[a-z]+-)*(?:re)?(?:${irregularParticiples.join('|')})`;

/**
 * Whether a word, as the tagger normalised it, is an irregular participle: "run", "re-run",
 * "rerun", "redone", "cut". Only "re" is read as a joined prefix: "preset" and "outset" are
 * words of their own.
 */
export function isIrregularParticiple(normal: string): boolean {
  const word = normal.slice(normal.lastIndexOf('-') + 1);
  return irregular.has(word) || (word.startsWith('re') && irregular.has(word.slice(2)));
}
