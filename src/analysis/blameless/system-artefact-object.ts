import type { TaggedTerm } from './tagged-sentences.ts';

/**
 * Things a system has, in the singular: what "we should have had …" wishes for when it names
 * one. A hyphenated word is read by its last part ("rate-limiting" → "limiting").
 */
const systemArtefacts = new Set([
  'alert',
  'alerting',
  'alarm',
  'paging',
  'warning',
  'notification',
  'dashboard',
  'graph',
  'panel',
  'runbook',
  'playbook',
  'checklist',
  'procedure',
  'test',
  'testing',
  'canary',
  'limit',
  'limiting',
  'throttling',
  'quota',
  'check',
  'monitor',
  'monitoring',
  'metric',
  'probe',
  'slo',
  'sli',
  'threshold',
  'breaker',
  'switch',
  'flag',
  'backup',
  'replica',
  'failover',
  'fallback',
  'guardrail',
  'safeguard',
  'confirmation',
  'prompt',
  'lock',
  'timeout',
  'retry',
  'validation',
  'constraint',
  'index',
  'gate',
  'step',
  'pipeline',
  'environment',
  'log',
  'logging',
  'trace',
  'tracing',
  'observability',
  'coverage',
  'rollback',
  'plan',
  'rotation',
  'policy',
  'redundancy',
  'headroom',
  'capacity',
  'documentation',
  'drill',
]);

/** Words a wish's object may go on with: "an alert on replication lag", "a runbook for it". */
const objectContinuations = new Set([
  'on',
  'for',
  'in',
  'at',
  'across',
  'per',
  'of',
  'over',
  'around',
  'covering',
  'before',
  'after',
  'during',
  'between',
  'with',
  'from',
  'against',
  'by',
  'that',
  'which',
  'to',
  'so',
  'and',
  'or',
  'when',
  'whenever',
  'where',
  'until',
  'like',
]);

/**
 * Where a person kept the thing: "the runbook at hand", "the graph on screen", "the runbook in
 * front of her" (while "a canary in front of the config service" is where the system has it).
 */
const personalPlacement =
  /^(?:(?:at|to|on|in) (?:hand|screen)|in front of (?:her|him|them|me|us|you|his|their|my|our))\b/;

const singular = (word: string) =>
  word
    .replace(/ies$/, 'y')
    .replace(/(?<=(?:ch|sh|x))es$/, '')
    .replace(/(?<!s)s$/, '');

/** Quantities the tagger may read as adverbs: "more dashboards". */
const quantities = new Set(['more', 'better', 'enough', 'extra', 'fewer', 'less', 'proper']);

/**
 * Words of an object's noun phrase: determiners, adjectives and nouns, never a person. An
 * artefact counts whatever its tags: "dashboards" after "more" is read as a verb.
 */
const isObjectWord = (term: TaggedTerm) =>
  quantities.has(term.normal) ||
  systemArtefacts.has(singular(term.normal)) ||
  (!term.tags.has('Pronoun') &&
    !term.tags.has('Person') &&
    !term.tags.has('Preposition') &&
    !term.tags.has('Conjunction') &&
    !objectContinuations.has(term.normal) &&
    (term.tags.has('Determiner') ||
      term.tags.has('Adjective') ||
      term.tags.has('Noun') ||
      term.tags.has('Gerund')));

const isClauseEnd = (term: TaggedTerm) => /[,;:.!?)]/.test(term.post);

/**
 * Whether the words after "should have had" name a thing the system has, and nothing more:
 * "we should have had an alert on replication lag", "a rate limit on the export endpoint",
 * "canaries in every region". Like "we should have alerting", that is a wish about the system.
 * The object's head decides, and so does what follows it: "the runbook open", "the dashboard
 * up", "the config reviewed" or "the runbook at hand" say what the subject should have done with
 * it, and a person in the object ("someone review the migration", "the DBA test it") or an act
 * ("a closer look") is no system artefact.
 */
export function isSystemArtefactObject(
  words: readonly TaggedTerm[],
  isPerson: (term: TaggedTerm) => boolean,
): boolean {
  let end = 0;
  while (end < words.length) {
    const word = words[end];
    if (!word || !isObjectWord(word)) {
      break;
    }
    // "we should have had the DBA test for it": a person to act, not a thing to have.
    if (isPerson(word)) {
      return false;
    }
    end += 1;
    if (isClauseEnd(word)) {
      break;
    }
  }
  const head = words[end - 1];
  if (!head || !systemArtefacts.has(singular(head.normal))) {
    return false;
  }
  const next = words[end];
  if (isClauseEnd(head) || !next) {
    return true;
  }
  // "the alerts on." ends with a particle that says how the subject left the thing.
  return (
    objectContinuations.has(next.normal) &&
    !isClauseEnd(next) &&
    words[end + 1] !== undefined &&
    !personalPlacement.test(
      words
        .slice(end, end + 4)
        .map((w) => w.normal)
        .join(' '),
    )
  );
}
