import type { IncidentKind } from './incident.ts';

/**
 * What the redaction step of a public version removes, besides people's names (always replaced
 * by their role) and restricted sections (always dropped).
 */
export interface RedactionRules {
  /** Hosts under these domains are internal: their host names, e-mails and URLs are removed. */
  internalDomains: string[];
  /** Host name endings internal wherever they appear (`.internal`, `.corp`, `.lan`). */
  internalHostSuffixes: string[];
  /** Remove every IPv4 and IPv6 address. */
  ipAddresses: boolean;
  /** Remove every e-mail address (not only those of internal domains). */
  emails: boolean;
  /** Remove what looks like a credential: API tokens, keys, JWTs, `password=…`. */
  tokens: boolean;
  /** Further regular expressions, each with the text that replaces a match. */
  patterns: Array<{ pattern: string; replacement: string }>;
}

/** How postmortems are published inside the organisation and outside. */
export interface PublishingPolicy {
  redaction: RedactionRules;
  /**
   * Who may approve a public version, by e-mail; empty: any admin. Approval is by a named
   * person: the version records who approved it.
   */
  publicApprovers: string[];
}

/**
 * The modified process for incidents with sensitive information and legal implications: its own
 * report template, reviews required by role before any publication, a legal hold, and a
 * learning summary that can be published while the details stay restricted.
 */
export interface SensitiveProcess {
  /** The incident kinds it applies to (`security`, and any other the policy names). */
  kinds: IncidentKind[];
  /** The report template to use (a key of `reportTemplates`); the usual choice when absent. */
  template?: string;
  /** Review roles (`security`, `legal`) whose approval must be in before any publication. */
  requiredReviewRoles: string[];
  /** A legal hold from the moment the postmortem opens: no deletion, every revision kept. */
  legalHold: boolean;
  /** Sections restricted from the start, to the person who opens the postmortem. */
  restrictedSections: string[];
  /** The sections published internally: the learning summary; the rest stays with its readers. */
  internalSections: string[];
}

/** The default redaction rules: the usual internal suffixes, every address, e-mail and token. */
export const defaultPublishingPolicy: PublishingPolicy = {
  redaction: {
    internalDomains: [],
    internalHostSuffixes: [
      '.internal',
      '.corp',
      '.lan',
      '.local',
      '.intranet',
      '.svc.cluster.local',
    ],
    ipAddresses: true,
    emails: true,
    tokens: true,
    patterns: [],
  },
  publicApprovers: [],
};

/** By default security incidents follow the modified process. */
export const defaultSensitiveProcesses: SensitiveProcess[] = [
  {
    kinds: ['security'],
    template: 'security',
    requiredReviewRoles: ['security', 'legal'],
    legalHold: true,
    restrictedSections: ['security_details'],
    internalSections: ['learning_summary'],
  },
];
