import { findTrailingZone } from '../time/find-zone-in-prose.ts';
import type { Zone } from '../time/zone.ts';
import { isDateOnly } from './read-date-text.ts';
import { readTimeText } from './read-time-text.ts';

/** A part of a document that holds a timeline, as lines `[from, to)`. */
export interface TimelineSection {
  from: number;
  to: number;
  /** The heading as written ("Recovery timeline (UTC)"); absent for a whole document. */
  title?: string;
  /** 1-based line of the heading. */
  line?: number;
  /** A zone the heading names, for the rows under it. */
  zone?: Zone;
}

const headingPattern = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const boldHeadingPattern = /^\s*(?:\*\*|__)([^*_]+?)(?:\*\*|__)\s*:?\s*$/;
const timelineWord = /\btimelines?\b/i;

function isTimeOrDate(title: string): boolean {
  const reading = readTimeText(title);
  return isDateOnly(title) || reading.kind === 'time' || reading.kind === 'datetime';
}

/**
 * Every timeline section of a document, in order: each heading that names a timeline ("##
 * Timeline", "### Recovery timeline", a bold "**Timeline**" line) up to the next heading of the
 * same or a higher level that is not a date or a time. A timeline heading nested in another
 * one's section belongs to it. Without any, the whole document is one section.
 */
export function timelineSections(lines: string[]): TimelineSection[] {
  const sections: TimelineSection[] = [];
  let fenced = false;
  for (let start = 0; start < lines.length; start += 1) {
    const line = lines[start] ?? '';
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    const heading = fenced ? null : headingPattern.exec(line);
    const bold = fenced || heading ? null : boldHeadingPattern.exec(line);
    const title = (heading?.[2] ?? bold?.[1] ?? '').trim();
    if (!timelineWord.test(title)) {
      continue;
    }
    const level = heading?.[1]?.length ?? 6;
    let end = lines.length;
    let innerFence = false;
    for (let i = start + 1; i < lines.length; i += 1) {
      const next = lines[i] ?? '';
      if (/^\s*(```|~~~)/.test(next)) {
        innerFence = !innerFence;
        continue;
      }
      const nextHeading = innerFence ? null : headingPattern.exec(next);
      if (
        nextHeading?.[1] &&
        nextHeading[1].length <= level &&
        !isTimeOrDate(nextHeading[2] ?? '')
      ) {
        end = i;
        break;
      }
    }
    sections.push({
      from: start + 1,
      to: end,
      title,
      line: start + 1,
      zone: findTrailingZone(title),
    });
    // A timeline heading nested inside this section is read as part of it.
    start = Math.max(start, end - 1);
  }
  return sections.length > 0 ? sections : [{ from: 0, to: lines.length }];
}
