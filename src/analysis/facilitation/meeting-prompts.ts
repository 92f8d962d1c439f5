import type { TimelineEventKind } from '../../domain/timeline-event.ts';
import type { WhyNodeMark } from '../../domain/why-node.ts';

/**
 * Question prompts for the analysis meeting, as data. They ask about what people knew and
 * expected at the time (local rationality), never what they "should" have done.
 */
export const meetingPrompts = {
  /** Asked at every timeline marker, whatever its kind. */
  everyEvent: ['What did you know at this point?', 'What were you expecting to happen?'],
  byEventKind: {
    detection: [
      'How did we find out?',
      'What told us, and when? Which signal showed first, and where?',
    ],
    escalation: [
      'Who was brought in, and how did they get the context they needed?',
      'What made escalating the right call at this moment?',
    ],
    communication: [
      'Who needed to know, and did the message reach them?',
      'What did customers and support see at this point?',
    ],
    action: [
      'What options were on the table, and why did this one make sense?',
      'What did the tools show before and after this action?',
    ],
    mitigation: [
      'How did we know the mitigation worked?',
      'What made this mitigation available, or slow to apply?',
    ],
    resolution: [
      'What told us the system was stable again?',
      'What was left to clean up afterwards?',
    ],
    observation: ['What did this observation change in how people saw the situation?'],
  } satisfies Record<TimelineEventKind, readonly string[]>,
  /** Asked at a pinned moment, on top of the event's own prompts. */
  pinned: ['Why does this moment matter?', 'What did people have to work with at this point?'],
  /** For a run of chat messages summarised into one walk-through item. */
  chatBurst: [
    'What were people working out in this exchange?',
    'Which of these messages changed what people did next?',
  ],
  openQuestion: ['Who can answer this, and by when?', 'Does it change the why-tree?'],
  disagreement: [
    'What does each view rest on?',
    'Which evidence would settle it, or do we record both views?',
  ],
  byWhyNodeMark: {
    root_cause: [
      'What evidence supports this?',
      'Which action item addresses it, or is the risk accepted?',
    ],
    contributing_factor: [
      'How did this condition shape the outcome?',
      'Does an action item reduce it?',
    ],
    none: ['Why did this happen? Ask again until you reach a condition of the system.'],
  } satisfies Record<WhyNodeMark, readonly string[]>,
  /** For an empty why-tree: how to start it in the meeting. */
  emptyWhyTree: [
    'What surprised us most in this incident?',
    'Why did it make sense to the people involved at the time?',
  ],
  actionItem: [
    'Does it have an owner, a due date and a success criterion?',
    'Does the fix rely on something that failed in this incident?',
  ],
  /** The first `actionItem` prompt, skipped for an item that already has all three. */
  actionItemCompleteness: 'Does it have an owner, a due date and a success criterion?',
  /** The first `root_cause` prompt, skipped for a root cause that already has evidence. */
  rootCauseEvidence: 'What evidence supports this?',
  emptyActionItems: ['Which root cause or contributing factor still has no fix?'],
} as const;

/** The prompts for one timeline marker: every event's, the kind's, and the pinned ones. */
export function promptsForEvent(event: { kind: TimelineEventKind; pinned: boolean }): string[] {
  return [
    ...meetingPrompts.everyEvent,
    ...meetingPrompts.byEventKind[event.kind],
    ...(event.pinned ? meetingPrompts.pinned : []),
  ];
}
