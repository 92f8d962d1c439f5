import type {
  ActionItemKind,
  ActionItemPriority,
  ActionItemStatus,
} from '../domain/action-item.ts';
import type {
  IncidentKind,
  InstantPrecision,
  KeyInstantName,
  Severity,
} from '../domain/incident.ts';
import type { ParticipantRole } from '../domain/participant.ts';
import type { TimelineEventKind } from '../domain/timeline-event.ts';
import type { WhyNodeMark } from '../domain/why-node.ts';

/** A key instant read from a document. */
export interface DocumentInstant {
  at: Date;
  source: string;
  precision: InstantPrecision;
}

/** A durations line ("Time to detect: 12 minutes") waiting for the start it counts from. */
export interface DocumentDuration {
  instant: Exclude<KeyInstantName, 'started_at'>;
  minutes: number;
  /** The line as written. */
  text: string;
}

/** Something of the document that has no place in the review; kept and reported. */
export interface UnplacedPart {
  /** The heading it stood under, or what it is (`preamble`, `action item A3 details`). */
  heading: string;
  text: string;
  line: number;
}

/**
 * Everything a document says about a review, ready to be created as one incident (or several)
 * and its postmortem. Both readers produce it: the postmortems-as-code reader (front matter,
 * lossless) and the reader of other teams' documents (recognised sections, the rest unplaced).
 */
export interface DocumentImport {
  format: 'debrief' | 'document';
  title: string;
  scope: 'single' | 'thematic';
  restricted: boolean;
  incidents: Array<{
    title: string;
    summary: string;
    kind: IncidentKind;
    severity: Severity;
    potentialSeverity: Severity | null;
    isDrill: boolean;
    services: string[];
    instants: Partial<Record<KeyInstantName, DocumentInstant>>;
  }>;
  /** Durations to place once the start is known (documents without front matter). */
  durations: DocumentDuration[];
  participants: Array<{ name: string; role: ParticipantRole }>;
  factors: Array<{
    ref: string;
    description: string;
    category: string;
    isRootCause: boolean;
    acceptedRiskReason: string | null;
  }>;
  whyTree: Array<{
    ref: string;
    parentRef: string | null;
    question: string;
    answer: string;
    mark: WhyNodeMark;
    category: string | null;
    noEvidenceReason: string | null;
    acceptedRiskReason: string | null;
  }>;
  actionItems: Array<{
    ref: string;
    title: string;
    kind: ActionItemKind;
    owner: string | null;
    dueDate: string | null;
    status: ActionItemStatus;
    successCriterion: string | null;
    wontDoReason: string | null;
    trackerUrl: string | null;
    verificationEvidence: string | null;
    verificationNote: string | null;
    priority: ActionItemPriority | null;
    team: string | null;
    services: string[];
    isIdea: boolean;
    /** Refs of the factors (`F1`) and why-nodes (`W1`) it addresses. */
    addresses: string[];
    reliesOnServices: string[];
  }>;
  /** Prose sections by key. */
  sections: Record<string, string>;
  /** Timeline rows with exact instants (postmortems-as-code documents). */
  timeline: Array<{
    at: Date;
    kind: TimelineEventKind;
    actor: string | null;
    text: string;
    pinned: boolean;
  }>;
  /** The timeline part of a document without front matter, for the Markdown timeline reader. */
  timelineText: string | null;
  unplaced: UnplacedPart[];
  /** What the reader had to assume (a default kind or severity, an inferred category). */
  assumed: string[];
}
