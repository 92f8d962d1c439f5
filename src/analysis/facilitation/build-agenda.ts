import type { OpenQuestionKind, OpenQuestionStatus } from '../../domain/open-question.ts';
import type { ParticipantRole } from '../../domain/participant.ts';
import {
  compareTimelineEvents,
  isCountedEvent,
  type TimelineEvent,
} from '../../domain/timeline-event.ts';
import type { WhyNodeMark } from '../../domain/why-node.ts';
import { readIncidentShape } from './incident-shape.ts';
import { meetingPrompts, promptsForEvent } from './meeting-prompts.ts';
import { type Participation, summarizeParticipation } from './participation.ts';
import { splitMinutes } from './split-minutes.ts';
import { walkthroughItems } from './walkthrough.ts';
import { whyTreeItems } from './why-tree-items.ts';

/** The parts of the analysis meeting, in the order they are run. */
export const agendaSectionKinds = [
  'timeline',
  'pinned_moments',
  'open_questions',
  'why_tree',
  'action_items',
] as const;
export type AgendaSectionKind = (typeof agendaSectionKinds)[number];

/** One thing to talk about: a timeline marker, a question, a why-node or an action item. */
export interface AgendaItem {
  subjectType: 'timeline_event' | 'open_question' | 'why_node' | 'action_item';
  subjectId: string;
  text: string;
  /** The subject's own vocabulary value: event kind, question kind, why-node mark, item status. */
  tag: string;
  occurredAt: Date | null;
  pinned: boolean;
  /** Depth in the why-tree (0 for a root); 0 for everything else. */
  depth: number;
  prompts: string[];
}

/** One timeboxed section of the agenda. */
export interface AgendaSection {
  /** Unique within the agenda: `timeline-1`, `pinned_moments`, … */
  key: string;
  kind: AgendaSectionKind;
  /** For the timeline, which segment of how many (1-based); `{ index: 1, of: 1 }` otherwise. */
  part: { index: number; of: number };
  minutes: number;
  items: AgendaItem[];
  /** Prompts for the section as a whole (e.g. how to start an empty why-tree). */
  prompts: string[];
}

/** What the agenda is generated from; the why-tree is optional (built separately). */
export interface AgendaInput {
  timeline: ReadonlyArray<
    Pick<TimelineEvent, 'id' | 'occurredAt' | 'createdAt' | 'text' | 'kind' | 'status' | 'pinned'> &
      Partial<Pick<TimelineEvent, 'source' | 'actor'>>
  >;
  /** When the incident started, if known (else the first accepted event). */
  startedAt?: Date | null;
  openQuestions: ReadonlyArray<{
    id: string;
    text: string;
    kind: OpenQuestionKind;
    status: OpenQuestionStatus;
  }>;
  whyNodes?: ReadonlyArray<{
    id: string;
    parentId: string | null;
    question: string;
    mark: WhyNodeMark;
    /** Evidence cited (or a reason for none): the evidence prompt is already answered. */
    hasEvidence?: boolean;
  }>;
  actionItems: ReadonlyArray<{
    id: string;
    title: string;
    status: string;
    ownerName?: string | null;
    ownerUserId?: string | null;
    dueDate?: string | null;
    successCriterion?: string | null;
  }>;
  participants: ReadonlyArray<{ id: string; name: string; role: ParticipantRole }>;
  attendeeIds?: readonly string[];
}

export interface AgendaOptions {
  /** Length of the whole meeting (default 60). */
  totalMinutes?: number;
  /** Most timeline events per walk-through segment (default 8). */
  segmentSize?: number;
  /**
   * Most walk-through items: by default one segment when the timeline holds 150 or more
   * accepted chat messages (the agenda stays a meeting), four segments otherwise.
   */
  maxWalkthroughItems?: number;
}

/** From this many accepted chat messages on, the walk-through is one segment of key moments. */
export const chatHeavyThreshold = 150;

/** A generated agenda: timeboxed sections and who takes part, by role. */
export interface Agenda {
  totalMinutes: number;
  sections: AgendaSection[];
  participation: Participation;
}

const openQuestionPrompts = {
  question: 'openQuestion',
  disagreement: 'disagreement',
} as const satisfies Record<OpenQuestionKind, keyof typeof meetingPrompts>;

const blank = { occurredAt: null, pinned: false, depth: 0 };

/** Relative weight of each section: a base (time to set it up) plus its content. */
function weightOf(section: Omit<AgendaSection, 'minutes'>): number {
  const count = section.items.length;
  switch (section.kind) {
    case 'timeline':
      return 1 + count + section.items.filter((i) => i.pinned).length;
    case 'pinned_moments':
      return 1 + 2 * count;
    case 'open_questions':
      return 2 + section.items.reduce((w, i) => w + (i.tag === 'resolved' ? 0.5 : 2), 0);
    case 'why_tree':
      return 6 + 1.5 * count;
    case 'action_items':
      return 3 + count;
    default: {
      const unreachable: never = section.kind;
      return unreachable;
    }
  }
}

/** An item whose owner, due date and success criterion are all set has answered that prompt. */
const isComplete = (item: AgendaInput['actionItems'][number]) =>
  Boolean((item.ownerName || item.ownerUserId) && item.dueDate && item.successCriterion);

/** Splits items into as few segments as `size` allows, evenly (9 by 8 → 5 + 4, not 8 + 1). */
function chunk<T>(items: readonly T[], size: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const chunks: T[][] = [];
  let start = 0;
  for (let index = 0; index < count; index += 1) {
    const length = Math.ceil((items.length - start) / (count - index));
    chunks.push(items.slice(start, start + length));
    start += length;
  }
  return chunks;
}

/**
 * Generates the analysis-meeting agenda of a postmortem: the accepted timeline walked in
 * order (in segments, pinned moments called out), the pinned moments, open questions and
 * disagreements, the why-tree and the action items — each with a timebox scaled by its content
 * (summing to the meeting's length) and question prompts per item.
 */
export function buildAgenda(input: AgendaInput, options: AgendaOptions = {}): Agenda {
  const totalMinutes = options.totalMinutes ?? 60;
  const segmentSize = Math.max(1, options.segmentSize ?? 8);
  const events = input.timeline.filter(isCountedEvent).sort(compareTimelineEvents);
  const eventItem = (event: (typeof events)[number]): AgendaItem => ({
    subjectType: 'timeline_event',
    subjectId: event.id,
    text: event.text,
    tag: event.kind,
    occurredAt: event.occurredAt,
    pinned: event.pinned,
    depth: 0,
    prompts: promptsForEvent(event),
  });
  const shape = readIncidentShape(events, input.startedAt ?? null);
  const chatCount = events.filter((e) => e.source === 'slack').length;
  const maxItems =
    options.maxWalkthroughItems ??
    (chatCount >= chatHeavyThreshold ? segmentSize : segmentSize * 4);
  const walked = walkthroughItems(events, shape, Math.max(1, maxItems)).map(
    ({ eventCount: _count, ...item }): AgendaItem => item,
  );
  const segments = chunk(walked, segmentSize);
  const gapPrompt = shape.prompts.find((p) => p.eventId === shape.longestGap?.endEventId);
  const single = { index: 1, of: 1 };
  const drafts: Array<Omit<AgendaSection, 'minutes'>> = [
    ...segments.map((segment, index) => ({
      key: `timeline-${index + 1}`,
      kind: 'timeline' as const,
      part: { index: index + 1, of: segments.length },
      items: segment,
      // The longest quiet stretch is the walk-through's first question.
      prompts: index === 0 && gapPrompt ? [gapPrompt.prompt] : [],
    })),
    {
      key: 'pinned_moments',
      kind: 'pinned_moments',
      part: single,
      items: events
        .filter((e) => e.pinned)
        .map((e) => ({ ...eventItem(e), prompts: [...meetingPrompts.pinned] })),
      prompts: [],
    },
    {
      key: 'open_questions',
      kind: 'open_questions',
      part: single,
      items: [...input.openQuestions]
        .sort((a, b) => Number(a.status === 'resolved') - Number(b.status === 'resolved'))
        .map((q) => ({
          ...blank,
          subjectType: 'open_question',
          subjectId: q.id,
          text: q.text,
          tag: q.status === 'resolved' ? 'resolved' : q.kind,
          prompts: q.status === 'resolved' ? [] : [...meetingPrompts[openQuestionPrompts[q.kind]]],
        })),
      prompts: [],
    },
    {
      key: 'why_tree',
      kind: 'why_tree',
      part: single,
      items: whyTreeItems(input.whyNodes ?? []),
      prompts: (input.whyNodes ?? []).length === 0 ? [...meetingPrompts.emptyWhyTree] : [],
    },
    {
      key: 'action_items',
      kind: 'action_items',
      part: single,
      items: input.actionItems.map((a) => ({
        ...blank,
        subjectType: 'action_item',
        subjectId: a.id,
        text: a.title,
        tag: a.status,
        prompts: meetingPrompts.actionItem.filter(
          (prompt) => prompt !== meetingPrompts.actionItemCompleteness || !isComplete(a),
        ),
      })),
      prompts: input.actionItems.length === 0 ? [...meetingPrompts.emptyActionItems] : [],
    },
  ];
  const minutes = splitMinutes(totalMinutes, drafts.map(weightOf));
  return {
    totalMinutes,
    sections: drafts.map((draft, index) => ({ ...draft, minutes: minutes[index] ?? 0 })),
    participation: summarizeParticipation(input.participants, input.attendeeIds),
  };
}
