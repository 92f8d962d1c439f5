import { roleNouns } from './person-words.ts';

/** Plural nouns of things a postmortem talks about; "they" after them means the things. */
const thingPlural = /^[a-z][a-z-]*(?:s|ices|ia)$/;
const notNouns = new Set([
  'was',
  'is',
  'has',
  'does',
  'this',
  'its',
  'us',
  'always',
  'across',
  'status',
  'less',
  'process',
  'as',
  'yes',
  'thus',
  'perhaps',
  'sometimes',
  'afterwards',
  'towards',
  'unless',
  'minutes',
  'seconds',
  'hours',
  'days',
  'weeks',
  'times',
  'towards',
  'besides',
  'whereas',
]);

/**
 * Whether "they" at `at` stands for things ("the pods crashed and they never became ready"):
 * the nearest plural noun before it, in the same paragraph and at most two sentences back, is
 * not a role ("the responders … they"). With no plural noun before it, "they" is people.
 */
export function theyMeansThings(text: string, at: number): boolean {
  const paragraphStart = text.lastIndexOf('\n\n', at) + 1;
  const before = text.slice(Math.max(paragraphStart, at - 240), at);
  const sentences = before.split(/(?<=[.!?])\s+/);
  const window = sentences.slice(-2).join(' ');
  const candidates = window.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  for (let i = candidates.length - 1; i >= 0; i -= 1) {
    const word = candidates[i] ?? '';
    const lower = word.toLowerCase();
    if (roleNouns.has(lower) || lower === 'we' || lower === 'they') {
      return false;
    }
    if (/^\p{Lu}/u.test(word) && i > 0 && candidates[i - 1]?.toLowerCase() === 'and') {
      return false;
    }
    if (thingPlural.test(word) && !notNouns.has(lower) && !lower.endsWith('ss')) {
      return true;
    }
  }
  return false;
}
