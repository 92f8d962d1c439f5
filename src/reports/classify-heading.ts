/** What a heading of another team's postmortem stands for. */
export type HeadingRole =
  | { kind: 'section'; key: string }
  | { kind: 'timeline' }
  | { kind: 'factors'; rootCause: boolean; sectionKey: string }
  | { kind: 'action_items' }
  | { kind: 'participants' }
  | { kind: 'statistics' };

const sectionPatterns: Array<[RegExp, HeadingRole]> = [
  [
    /^(summary|overview|issue summary|executive summary|tl;?dr|incident summary)$/,
    { kind: 'section', key: 'summary' },
  ],
  [
    /^(impact|impact on users|customer impact|summary of impact|user impact|business impact)$/,
    { kind: 'section', key: 'impact' },
  ],
  [
    /^(timeline|chain of events|incident timeline|sequence of events|timeline of events)$/,
    { kind: 'timeline' },
  ],
  [
    /^(root causes?|root cause\(s\)|root cause analysis|what caused the incident|causes?)$/,
    { kind: 'factors', rootCause: true, sectionKey: 'root_causes' },
  ],
  [
    /^(contributing factors?|contributing conditions( analysis)?)$/,
    { kind: 'factors', rootCause: false, sectionKey: 'contributing_factors' },
  ],
  [/^triggers?$|^trigger\(s\)$/, { kind: 'section', key: 'trigger' }],
  [/^detection$/, { kind: 'section', key: 'detection' }],
  [
    /^(resolution|resolution and recovery|mitigation|mitigation (and|&) resolution|recovery)$/,
    { kind: 'section', key: 'resolution' },
  ],
  [
    /^(action items?|action items (and|&) follow-?ups|follow-?ups?|follow-?up (actions|improvements|items)|corrective actions?|corrective and preventative measures|next steps|remediations?|recommendations)$/,
    { kind: 'action_items' },
  ],
  [/^lessons? (learned|learnt)$/, { kind: 'section', key: 'lessons_learned' }],
  [/^(what went well|things that went well)$/, { kind: 'section', key: 'what_went_well' }],
  [
    /^(what went (wrong|poorly|badly)|what didn'?t go (so )?well|what could have gone better|things that went (wrong|poorly))$/,
    { kind: 'section', key: 'what_went_wrong' },
  ],
  [
    /^(where we got lucky|where did we get lucky|lucky)$/,
    { kind: 'section', key: 'where_we_got_lucky' },
  ],
  [
    /^(attendees|atendees|participants|responders|people involved|names of people involved|postmortem attendees)$/,
    { kind: 'participants' },
  ],
  [/^(stats|statistics|metrics|incident timing)$/, { kind: 'statistics' }],
  [
    /^(appendix|apendix|supporting information|supporting documents)$/,
    { kind: 'section', key: 'supporting_information' },
  ],
];

/** The heading's words, lower-cased, without punctuation at the ends or a note in brackets. */
export function normaliseHeading(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/\s+\((?!s\))[^)]*\)\s*$/, '')
    .replace(/[?:.!]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Recognises the common sections of postmortems written elsewhere (Google SRE book, PagerDuty,
 * the public template collections, team repositories): `null` for a heading it does not know.
 */
export function classifyHeading(text: string): HeadingRole | null {
  const normalised = normaliseHeading(text);
  for (const [pattern, role] of sectionPatterns) {
    if (pattern.test(normalised)) {
      return role;
    }
  }
  return null;
}

/** A heading that names a day or a time, as timelines written in headings use (`May 12`, `### 5:32 PM`). */
export function isDateOrTimeHeading(text: string): boolean {
  const t = text.trim();
  return (
    /^\d{1,2}:\d{2}\s*([ap]\.?m\.?)?\b/i.test(t) ||
    /^\d{4}-\d{2}-\d{2}\b/.test(t) ||
    /^(\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s+\d{1,2}(st|nd|rd|th)?)?(,?\s+\d{4})?\b/i.test(
      t,
    ) ||
    /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s/i.test(t)
  );
}
