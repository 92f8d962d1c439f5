import type {
  BlamelessFinding,
  BlamelessOptions,
  LintableText,
} from '../../analysis/blameless/find-blameless-findings.ts';
import { provideTagger } from '../../analysis/blameless/tagger.ts';
import { requireTagger } from './require-tagger.ts';

type BlamelessLinter = typeof import('../../analysis/blameless/find-blameless-findings.ts');

let linter: Promise<BlamelessLinter> | undefined;

/**
 * The blameless linter, loaded on first use. Its part-of-speech tagger (compromise) costs
 * about a third of a second of CPU and tens of MB to load, which a server that has not yet
 * been asked for findings need not pay at start or hold while idle.
 */
export function loadBlamelessLinter(): Promise<BlamelessLinter> {
  provideTagger(requireTagger);
  linter ??= import('../../analysis/blameless/find-blameless-findings.ts');
  return linter;
}

/** Per context (people, services, settings): findings of one text, with an empty field name. */
const byContext = new Map<string, Map<string, BlamelessFinding[]>>();
let heldChars = 0;
/** About 16 MB of texts: a busy instance's reviews, many times over. */
const maxHeldChars = 8_000_000;

/**
 * The findings of `texts`, as `findBlamelessFindings` gives them, each text linted once per
 * content and context. The linter is a pure function of the two and its findings for one text
 * do not depend on the others, so a read after one edit re-lints only the edited text instead
 * of the whole review (2,000 timeline events and every section).
 */
export async function lintTextsByContent(
  texts: readonly LintableText[],
  context: BlamelessOptions,
): Promise<BlamelessFinding[]> {
  const { findBlamelessFindings } = await loadBlamelessLinter();
  const contextKey = JSON.stringify([context.people, context.services, context.settings]);
  let byContent = byContext.get(contextKey);
  if (!byContent) {
    byContent = new Map();
    byContext.set(contextKey, byContent);
    heldChars += contextKey.length;
  }
  const memo = byContent;
  return texts.flatMap(({ field, text }) => {
    let findings = memo.get(text);
    if (!findings) {
      findings = findBlamelessFindings([{ field: '', text }], context);
      if (heldChars + text.length > maxHeldChars) {
        // Rare (a huge instance): start over rather than track recency on every read.
        for (const texts of byContext.values()) {
          texts.clear();
        }
        heldChars = 0;
      }
      memo.set(text, findings);
      heldChars += text.length;
    }
    return findings.map((finding) => ({ ...finding, target: { ...finding.target, field } }));
  });
}

/** Per context, per stamp of a group of texts: the group's findings, fields named. */
const byContextStamp = new Map<string, Map<string, readonly BlamelessFinding[]>>();
let heldStamps = 0;
/** Findings are small; a stamp stands for a whole timeline. */
const maxStamps = 2_000;

/**
 * The findings of a group of texts known by `stamp` (a value that changes whenever the group
 * does and is never reused, such as a timeline's stamp), read and linted by `lintTextsByContent`
 * only when this process has not linted the same group in the same context. A cold read of a
 * review then ships a stamp instead of 2,000 texts, and looks up one key instead of 2,000 texts.
 * `readTexts` gives the texts with their own stamp, read together, under which the findings are
 * kept; a `null` stamp (a group that has none) is always read and never kept.
 */
export async function lintTextsByStamp(
  stamp: string | null,
  context: BlamelessOptions,
  readTexts: () => Promise<{ stamp: string | null; texts: readonly LintableText[] }>,
): Promise<readonly BlamelessFinding[]> {
  const contextKey = JSON.stringify([context.people, context.services, context.settings]);
  const known = stamp === null ? undefined : byContextStamp.get(contextKey)?.get(stamp);
  if (known) {
    return known;
  }
  const read = await readTexts();
  const findings = Object.freeze(await lintTextsByContent(read.texts, context));
  if (read.stamp === null) {
    return findings;
  }
  if (heldStamps >= maxStamps) {
    byContextStamp.clear();
    heldStamps = 0;
  }
  let byStamp = byContextStamp.get(contextKey);
  if (!byStamp) {
    byStamp = new Map();
    byContextStamp.set(contextKey, byStamp);
  }
  byStamp.set(read.stamp, findings);
  heldStamps += 1;
  return findings;
}
