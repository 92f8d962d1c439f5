import type { BlamelessRule } from './blameless-rules.ts';
import { irregularParticipleSource } from './participles.ts';

const docs = (id: string) => `docs/linter.md#${id}`;

/**
 * Shorthands inside template patterns: `{who}` a person (role, pronoun or name, checked by the
 * people index), `{adv}` optional adverbs, `{pp}` a past participle of an action ("checked",
 * "re-run").
 */
export const templateParts: Record<string, string> = {
  adv: '(?:(?:\\w+ly|just|also|then|still|again|even|never|ever|actually|really|simply|clearly|obviously|only|once)\\s+){0,2}',
  pp: `(?:(?!been\\b|had\\b)[a-z]+(?:-[a-z]+)*ed|${irregularParticipleSource})\\b`,
};

const neglectVerbs =
  'neglected|overlooked|ignored|disregarded|forgot|missed|skipped|dismissed|brushed off|shrugged off|glossed over|dropped the ball|failed to (?:notice|check|test|follow|read|see|escalate|verify|monitor|respond|act|spot|catch|review|communicate|update|rotate|renew|drain|back up|take|look|report|consider|tell|warn|ask)';
const inattentiveStates =
  'distracted|inattentive|asleep at the wheel|not paying attention|complacent|oblivious|unprepared|clueless|not careful enough|too hasty|in a hurry';
const mistakeNouns =
  'mistake|error|blunder|oversight|fault|negligence|carelessness|screw-?up|slip-?up|misjudg(?:e)?ment|lapse|bad call|poor call|wrong call|poor judg(?:e)?ment|bad judg(?:e)?ment|incompetence|sloppiness|misstep|goof';
const judgedActs =
  'wrong|a mistake|an error|a blunder|irresponsible|reckless|careless|negligent|foolish|stupid|dumb|silly|unwise|inexcusable|indefensible|unforgivable|naive|naïve|sloppy|lazy|unprofessional|short-?sighted|a (?:bad|terrible|poor|dumb|stupid|foolish) (?:idea|choice|decision|call)';
const judgedDecision =
  '(?:terrible|bad|poor|wrong|reckless|foolish|stupid|dumb|careless|irresponsible|questionable|ill-advised|ill-judged|boneheaded|rookie|amateur(?:ish)?|basic|inexcusable|indefensible|unforgivable|negligent|lazy|sloppy)\\s+(?:decision|call|choice|judg(?:e)?ment(?:\\s+call)?|move|mistake|idea|error|blunder)';
const harmfulPassives =
  'ignored|overlooked|missed|neglected|disregarded|forgotten|dropped|deleted|wiped|corrupted|broken|misconfigured|botched|mishandled|messed up|screwed up|caused|triggered|introduced|brought down|taken down|crashed|killed|destroyed|lost';
const deliveringPassives =
  'pushed|merged|deployed|applied|shipped|approved|run|executed|released|committed|rolled out|typed|entered';
const faulty =
  'bad|wrong|broken|faulty|buggy|incorrect|untested|invalid|erroneous|malformed|unreviewed|dangerous';

/**
 * Blame that today's trigger words miss, as templates over a person. Each class of the
 * issue list is one rule; every pattern is tested by the labelled set and the rule tests.
 */
export const blameTemplates: readonly BlamelessRule[] = [
  {
    id: 'person-as-cause',
    kind: 'template',
    terms: [
      `\\b(?:caused|triggered|introduced|started|broken|brought on)\\s+by\\s+{who}(?!['’]s)`,
      `\\b(?:because\\s+of|due\\s+to)\\s+{who}(?![\\p{L}'’])(?!\\s+(?:the|a|an|its|their)\\b)`,
      `{who}['’]s?\\s+(?:[\\w-]+\\s+){0,2}?(?:change|script|commit|deploy|deployment|typo|migration|config|command|query|patch|pull request|edit|push|rollout)\\s+(?:broke|caused|crashed|deleted|dropped|wiped|took down|brought down|killed|corrupted|triggered|started)\\b`,
    ],
    message: 'A person is named as the cause; the inquiry stops at who instead of why.',
    suggestion:
      'Name the action and the system: "a config change was deployed", "the change removed the index".',
    docsUrl: docs('person-as-cause'),
  },
  {
    id: 'neglect',
    kind: 'template',
    terms: [
      `{who}\\s+{adv}(?:${neglectVerbs})\\b`,
      `{who}\\s+{adv}(?:did(?:n['’]t|\\s+not)|could(?:n['’]t|\\s+not)|would(?:n['’]t|\\s+not))\\s+(?:be\\s+)?(?:bother(?:ed)?|pay attention|care|bothered)\\b`,
      `{who}\\s+{adv}never\\s+(?:bothered|cared|paid attention)\\b`,
      `{who}\\s+{adv}(?:was|were)(?:n['’]t|\\s+not)\\s+(?:paying attention|careful|watching|listening|looking|thinking)\\b`,
      `{who}\\s+(?:was|were)\\s+{adv}(?:${inattentiveStates})\\b`,
      `\\b(?:nobody|no one|none of (?:us|them|the \\w+))(?:\\s+[\\w-]+){0,3}\\s+(?:bothered|cared)\\s+to\\b`,
    ],
    message: 'Neglect or inattention is attributed to a person; the question of why is skipped.',
    suggestion:
      'Say what competed for attention and what the signal looked like: "the alert was one of forty that night".',
    docsUrl: docs('neglect'),
  },
  {
    id: 'attributed-mistake',
    kind: 'template',
    terms: [
      `{who}['’]s?\\s+(?:own\\s+)?(?:[\\w-]+\\s+)?(?:${mistakeNouns})(?!\\s+(?:rate|rates|budget|count|counts|log|logs|message|messages|handling|code|codes|path|page|response|metric|metrics|spike|class|type|field|bar|threshold))\\b`,
      `\\b(?:${mistakeNouns})s?\\s+(?:(?:was|were)\\s+)?(?:made\\s+|committed\\s+)?by\\s+{who}`,
      `\\b(?:${mistakeNouns})s?\\s+on\\s+the\\s+part\\s+of\\s+{who}`,
      `\\b(?:${mistakeNouns})s?\\s+on\\s+{who}['’]s?\\s+part\\b`,
      `\\b(?:responsibility|blame|fault|accountability|culpability)(?:\\s+for\\s+[^,.;]{1,60}?)?\\s+(?:rests|lies|sits|falls|lay|rested|fell|sat)\\s+{adv}(?:with|on|upon)\\s+{who}`,
      `{who}\\s+(?:is|was|were|are)\\s+{adv}(?:at fault|to blame|culpable|guilty|responsible for (?:the |this |that )?(?:outage|incident|failure|data loss|downtime|breach|mistake|error|problem|damage|disruption|mess|regression|breakage|leak))\\b`,
      `{who}\\s+(?:made|committed)\\s+(?:(?:a|an|the|one|several|multiple|two|three|many|some)\\s+)?(?:[\\w-]+\\s+)?(?:${mistakeNouns})s?\\b(?!\\s+(?:to|of)\\b)`,
    ],
    message: 'A mistake or fault is pinned on a person; the analysis stops at who.',
    suggestion:
      'Describe the step and what made it easy to take: "the console accepted the change without a confirmation".',
    docsUrl: docs('attributed-mistake'),
  },
  {
    id: 'passive-blame',
    kind: 'template',
    terms: [
      `\\b(?:was|were|been|got|is|are)\\s+{adv}(?:${harmfulPassives})\\s+by\\s+{who}`,
      `\\b(?:${faulty})\\s+[^,.;]{0,40}?(?:was|were|been|got)\\s+{adv}(?:${deliveringPassives})\\s+by\\s+{who}`,
      `\\b(?:was|were|been|got)\\s+{adv}(?:${deliveringPassives})\\s+by\\s+{who}(?:\\s+[^,.;]{0,30}?)?\\s+without\\s+(?:a\\s+)?(?:review|reviewing|testing|tests?|approval|checking|a backup|backup|telling|asking|a dry run)`,
    ],
    message: 'A passive sentence names a person as the one who did the damage.',
    suggestion: 'Say what the system allowed: "the change reached production without review".',
    docsUrl: docs('passive-blame'),
  },
  {
    id: 'counterfactual',
    kind: 'template',
    negatable: false,
    terms: [
      `(?:^|[,;:(—–]\\s*|\\b(?:and|but|because)\\s+|[.!?]\\s+)had\\s+(?!(?:we|i)\\s+known\\b){who}\\s+{adv}(?:not\\s+|n['’]t\\s+)?{adv}(?:been\\s+(?:more\\s+|less\\s+)?(?:careful|attentive|aware|cautious|vigilant|awake|thorough|diligent|quicker|faster)|{pp})`,
      `\\bif\\s+(?:only\\s+)?(?!(?:we|i)\\s+(?:had|['’]d)\\s+known\\b){who}\\s+(?:had(?:n['’]t)?|['’]d|would\\s+have|could\\s+have)\\s+{adv}(?:not\\s+)?{adv}(?:been\\s+(?:more\\s+|less\\s+)?(?:careful|attentive|aware|cautious|vigilant|awake|thorough|diligent|quicker|faster)|{pp})`,
      `\\b(?:were|if)\\s+{who}\\s+(?:(?:was|were)\\s+)?(?:more|less)\\s+(?:careful|attentive|cautious|experienced|diligent|thorough|alert|vigilant|competent)\\b`,
      `{who}\\s+(?:would|could|might)\\s+{adv}have\\s+(?:easily\\s+)?(?:caught|prevented|avoided|noticed|spotted|stopped|seen|known|found|detected|averted)\\b(?=[^.;]*\\b(?:if|had)\\s+(?:he|she|they|we|i|you)\\b)`,
      `\\b(?:anyone|anybody|any engineer|everyone|everybody)\\s+(?:could|would|should)\\s+have\\s+(?:seen|known|noticed|spotted|caught|predicted|guessed|told|foreseen)\\b`,
      `{who}\\s+(?:ought\\s+to\\s+have|should['’]ve|should\\s+have)\\s+{adv}known\\b`,
    ],
    message: 'A counterfactual judges what a person did against what is known only now.',
    suggestion:
      'Say what the person knew and expected at that moment, and what the system showed them.',
    docsUrl: docs('counterfactual'),
  },
  {
    id: 'judgemental-framing',
    kind: 'template',
    terms: [
      `\\bit\\s+(?:was|is|had been|would have been|seems|seemed|looks)\\s+{adv}(?:${judgedActs})\\s+(?:(?:of|for)\\s+[\\w-]+(?:\\s+[\\w-]+)?\\s+)?to\\b`,
      `\\b(?:was|were|is)\\s+{adv}(?:(?:an?|the)\\s+)?{adv}${judgedDecision}\\b`,
      `\\b(?:was|were|is)\\s+{adv}(?:inexcusable|indefensible|unforgivable|reckless|irresponsible|foolish|a lapse in judg(?:e)?ment)\\b`,
      `\\bno\\s+excuse\\s+for\\b`,
      `\\blapses?\\s+(?:in|of)\\s+judg(?:e)?ment\\b`,
      `\\b(?:rookie|amateur|schoolboy|beginner['’]?s|stupid|silly|dumb|careless|avoidable|basic)\\s+(?:mistake|error|blunder)s?\\b`,
      `\\bwhat\\s+(?:were|was)\\s+\\w+\\s+thinking\\b`,
    ],
    message: 'The decision is judged instead of explained.',
    suggestion:
      'Describe why the decision made sense at the time: what was known, what the usual practice was.',
    docsUrl: docs('judgemental-framing'),
  },
];
