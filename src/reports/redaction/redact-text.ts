import type { RedactionRules } from '../../domain/publishing-policy.ts';

/** What a redaction removed: a person's name, an internal host, an address, a secret, … */
export const redactionKinds = [
  'person',
  'internal_url',
  'email',
  'ip_address',
  'hostname',
  'token',
  'pattern',
] as const;
export type RedactionKind = (typeof redactionKinds)[number];

/** One redaction in a text: what was there, what replaces it. */
export interface Redaction {
  kind: RedactionKind;
  original: string;
  replacement: string;
}

/** A person whose names are replaced by the words for their role. */
export interface RedactedPerson {
  /** Full name and other spellings (a chat handle); matched case-insensitively as words. */
  names: string[];
  /** What the public version says instead, e.g. `an engineer`. */
  label: string;
}

/** The rules made ready to run over many texts. */
export interface CompiledRedaction {
  rules: RedactionRules;
  /** At most two alternations (whole names caseless, name parts as written) and their labels. */
  people: Array<{ pattern: RegExp; labelOf: (match: string) => string | undefined }>;
  patterns: Array<{ pattern: RegExp; replacement: string }>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One alternation of names, longest first, matched as whole words. */
function namesPattern(names: Map<string, string>, caseless: boolean) {
  if (names.size === 0) {
    return [];
  }
  const alternation = [...names.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return [
    {
      pattern: new RegExp(
        `(?<![\\p{L}\\p{N}_])(?:${alternation})(?![\\p{L}\\p{N}_])`,
        caseless ? 'giu' : 'gu',
      ),
      labelOf: (match: string) => names.get(caseless ? match.toLowerCase() : match),
    },
  ];
}

/**
 * Chat handles built on a name part, whatever their case: `kenji.t`, `Kenji_Tanaka`, `kenji-2`
 * (the name part, then at least one `.`, `_` or `-` and more of the handle).
 */
function handlesPattern(parts: Map<string, string>) {
  if (parts.size === 0) {
    return [];
  }
  const byLower = new Map([...parts].map(([part, label]) => [part.toLowerCase(), label]));
  const alternation = [...byLower.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return [
    {
      pattern: new RegExp(
        `(?<![\\p{L}\\p{N}_.-])(?:${alternation})(?:[._-][\\p{L}\\p{N}]+)+(?![\\p{L}\\p{N}_])`,
        'giu',
      ),
      labelOf: (match: string) => byLower.get(match.split(/[._-]/)[0]?.toLowerCase() ?? ''),
    },
  ];
}

/**
 * Compiles the rules once. Names are matched whole, longest first (`Kenji Tanaka` before
 * `Kenji`), whatever their case; a given name or surname of three letters or more counts too,
 * but only capitalised as written, so that "Mark" is a person but "mark" stays a verb — except in a
 * chat handle built on it (`mark.o`, `kenji_t`), whatever its case. All names
 * go into one alternation, so a directory of thousands of accounts costs one scan per text.
 */
export function compileRedaction(
  rules: RedactionRules,
  people: readonly RedactedPerson[],
): CompiledRedaction {
  const whole = new Map<string, string>();
  const parts = new Map<string, string>();
  for (const person of people) {
    for (const name of person.names.map((n) => n.trim()).filter((n) => n.length >= 2)) {
      if (!whole.has(name.toLowerCase())) {
        whole.set(name.toLowerCase(), person.label);
      }
      for (const part of name.split(/\s+/).filter((p) => p.length >= 3 && /^\p{Lu}/u.test(p))) {
        if (part !== name && !parts.has(part)) {
          parts.set(part, person.label);
        }
      }
    }
  }
  return {
    rules,
    people: [...namesPattern(whole, true), ...namesPattern(parts, false), ...handlesPattern(parts)],
    patterns: rules.patterns.map((p) => ({
      pattern: new RegExp(p.pattern, 'gu'),
      replacement: p.replacement,
    })),
  };
}

interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
  replacement: string;
}

const urlPattern = /\b(?:https?|ftp|ssh|wss?):\/\/[^\s<>()"'`\]]*[^\s<>()"'`\].,;:!?]/giu;
const emailPattern = /[\p{L}\p{N}._%+-]+@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)/gu;
const ipv4Pattern = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?(?::\d{1,5})?(?![\d.]*\d)/gu;
const ipv6Pattern =
  /(?<![\p{L}\p{N}:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?:\/\d{1,3})?(?![\p{L}\p{N}:])/giu;
const hostPattern =
  /(?<![\p{L}\p{N}@.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*(?::\d{1,5})?(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/giu;
const tokenPatterns: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/gu,
  /\b(?:dbf|ghp|gho|ghu|ghs|ghr|github_pat|glpat|sk_live|rk_live|npm)_[A-Za-z0-9_-]{16,}/gu,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/gu,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/gu,
  /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,}/gu,
  /\bBearer\s+[\w.~+/-]{16,}=*/gu,
  /\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key)\s*[:=]\s*[^\s,;]+/giu,
  /\b(?=[A-Za-z0-9+/_-]*\d)(?=[A-Za-z0-9+/_-]*[A-Za-z])[A-Za-z0-9+/_-]{40,}={0,2}/gu,
  /\b[0-9a-f]{32,}\b/giu,
];

const isIpv4 = (text: string) =>
  text
    .split(/[/:]/)[0]
    ?.split('.')
    .every((octet) => Number(octet) <= 255) ?? false;

/** True when `host` (lower-case, no port) is internal under the rules. */
export function isInternalHost(host: string, rules: RedactionRules): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || !name.includes('.') || isIpv4(name) || name.includes(':')) {
    return true;
  }
  return (
    rules.internalDomains.some((d) => {
      const domain = d.toLowerCase().replace(/^\./, '');
      return name === domain || name.endsWith(`.${domain}`);
    }) || rules.internalHostSuffixes.some((s) => name.endsWith(s.toLowerCase()))
  );
}

function collect(text: string, compiled: CompiledRedaction): Span[] {
  const { rules } = compiled;
  const spans: Span[] = [];
  const add = (
    pattern: RegExp,
    kind: RedactionKind,
    replacement: (m: RegExpExecArray) => string | null,
  ) => {
    for (const match of text.matchAll(pattern)) {
      const value = replacement(match);
      if (value !== null && match.index !== undefined) {
        spans.push({
          start: match.index,
          end: match.index + match[0].length,
          kind,
          replacement: value,
        });
      }
    }
  };
  if (rules.tokens) {
    for (const pattern of tokenPatterns) {
      add(pattern, 'token', () => '[secret]');
    }
  }
  add(urlPattern, 'internal_url', (m) => {
    const host = /^[a-z]+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]+)/iu.exec(m[0])?.[1] ?? '';
    return isInternalHost(host.replace(/^\[|\]$/g, ''), rules) ? '[internal link]' : null;
  });
  add(emailPattern, 'email', (m) =>
    rules.emails || isInternalHost(m[1] ?? '', rules) ? '[e-mail address]' : null,
  );
  if (rules.ipAddresses) {
    add(ipv4Pattern, 'ip_address', (m) => (isIpv4(m[0]) ? '[IP address]' : null));
    add(ipv6Pattern, 'ip_address', (m) =>
      (m[0].match(/:/g)?.length ?? 0) >= 2 && (/[a-f]/iu.test(m[0]) || m[0].includes('::'))
        ? '[IP address]'
        : null,
    );
  }
  add(hostPattern, 'hostname', (m) =>
    isInternalHost(m[0].replace(/:\d+$/, ''), rules) ? '[internal host]' : null,
  );
  for (const { pattern, replacement } of compiled.patterns) {
    add(pattern, 'pattern', () => replacement);
  }
  for (const { pattern, labelOf } of compiled.people) {
    add(pattern, 'person', (m) => {
      const label = labelOf(m[0]);
      if (label === undefined) {
        return null;
      }
      return atSentenceStart(text, m.index ?? 0) ? capitalise(label) : label;
    });
  }
  add(/(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}._-]*[\p{L}\p{N}_]/gu, 'person', () => 'a responder');
  return spans;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const atSentenceStart = (text: string, index: number) =>
  /(?:^|[.!?:]\s+|\n\s*(?:[-*]\s+)?)$/u.test(text.slice(Math.max(0, index - 8), index));

/** Where the redactions go when they are to be seen: the preview highlights each one. */
export interface RedactionMarks {
  open: (kind: RedactionKind) => string;
  close: string;
}

/**
 * Redacts one text by the rules: the earliest match wins, and of two starting together the
 * longer (a URL before the host inside it). Returns the text and each redaction, in order.
 * With `marks`, each replacement is wrapped so that a preview can highlight it.
 */
export function redactText(
  text: string,
  compiled: CompiledRedaction,
  marks?: RedactionMarks,
): { text: string; redactions: Redaction[] } {
  const spans = collect(text, compiled).sort(
    (a, b) => a.start - b.start || b.end - b.start - (a.end - a.start),
  );
  let out = '';
  let at = 0;
  const redactions: Redaction[] = [];
  for (const span of spans) {
    if (span.start < at) {
      continue;
    }
    out += text.slice(at, span.start);
    out += marks ? `${marks.open(span.kind)}${span.replacement}${marks.close}` : span.replacement;
    redactions.push({
      kind: span.kind,
      original: text.slice(span.start, span.end),
      replacement: span.replacement,
    });
    at = span.end;
  }
  return { text: out + text.slice(at), redactions };
}
