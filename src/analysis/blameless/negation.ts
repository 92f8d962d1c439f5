/** Words that deny what follows them in the clause: "not human error", "nobody was careless". */
const negationBefore =
  /(?:(?:^|[^\p{L}])(?:not|never|no|nobody|none|neither|nor|without|rather than|instead of|avoids?|avoided|avoiding|ruled out|rule out|ruling out|refuse to|refused to|stop|stopped)|n['’]t)(?:[^\p{L}]+[\p{L}'’-]+){0,3}[^\p{L}]*$/iu;
/** A denial right after the words: "human error was not the cause", "played no part". */
const negationAfter =
  /^[^\p{L}]*(?:[\p{L}'’-]+\s+){0,2}?(?:(?:was|is|were|are|has been|had been)(?:\s+not|n['’]t|\s+never|\s+no\s+longer)|played\s+no|plays\s+no|had\s+nothing|has\s+nothing)\b/iu;
/** An object that denies the verb before it: "we missed nothing", "skipped none of the checks". */
const deniedObject = /^\s+(?:nothing|none)\b/iu;
const clauseEnd = /[,;:()\u2013\u2014]|\bbut\b/giu;

/**
 * Whether a finding's words are denied by the text around them, within their clause:
 * "Human error was not the cause", "Nobody was careless", "rather than calling it human
 * error", "we missed nothing". Only the three words before and the short verb phrase after
 * count, so that "Bob was careless and did not check" stays a finding.
 */
export function isNegated(text: string, start: number, end: number): boolean {
  const sentenceStart =
    Math.max(text.lastIndexOf('.', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
  let before = text.slice(sentenceStart, start);
  const clauses = before.split(clauseEnd);
  before = clauses.at(-1) ?? before;
  const after = text.slice(end, end + 60).split(clauseEnd)[0] ?? '';
  return negationBefore.test(before) || negationAfter.test(after) || deniedObject.test(after);
}
