import { knownZoneAbbreviations } from '../time/zone.ts';
import { readTimeText, type TimeReading } from './read-time-text.ts';

/** A line that opens with a time, split into the time as written and the rest. */
export interface LeadingTime {
  timeText: string;
  reading: Extract<TimeReading, { kind: 'time' | 'datetime' }>;
  text: string;
  /** The time was in brackets, as chat clients paste it (`[3:02 PM] Dana: …`). */
  bracketed: boolean;
  /** The line was a list item without a separator after its time (`- 09:12 Pods …`). */
  bullet: boolean;
}

const opening = /^(?:\*\*|__)?[[(]?(?:~|\u2248|around\b|about\b|approx|ca\.|circa\b|\d)/i;
/** Words that may still belong to the time: a meridiem or a zone (`PM`, `(PDT)`, `UTC+2`). */
const timeTail = new RegExp(
  `^[[(]?(?:[ap]\\.?m\\.?|${knownZoneAbbreviations.join('|')}|(?:UTC|GMT)[+\\-\\u2212]\\d{1,2}(?::?\\d{2})?)[\\])]?[:,]?$`,
  'i',
);
/**
 * Something in the time text that only a clock has: a colon between digits, a meridiem or an
 * approximation. Keeps `1.20 release notes` or `99.95 percent` from being read as times.
 */
const clockLike = /\d:(?:\d|\?|x)|\d\s*[ap]\.?m\b|~|\u2248|around|about|approx|circa|ca\./i;

/**
 * Splits `09:12 Pods start restarting`, `~08:15 someone noticed`, `around 3pm the pager went
 * off`, `5:32 PM PDT: rollback` or `[3:02 PM] Dana: …` into its time and its text: the shortest
 * opening that reads as a time, extended by the meridiem and zone words that follow it.
 */
export function splitLeadingTime(line: string): LeadingTime | undefined {
  const listed = /^(?:[-*+]|\d{1,3}[.)])\s+/.exec(line);
  const body = listed ? line.slice(listed[0].length) : line;
  if (!opening.test(body)) {
    return undefined;
  }
  const words = body.split(/\s+/);
  for (let k = 1; k < Math.min(words.length, 5); k += 1) {
    let reading = readTimeText(words.slice(0, k).join(' '));
    if (reading.kind !== 'time' && reading.kind !== 'datetime') {
      continue;
    }
    let end = k;
    while (end < words.length - 1 && timeTail.test(words[end] ?? '')) {
      const longer = readTimeText(words.slice(0, end + 1).join(' '));
      if (longer.kind !== 'time' && longer.kind !== 'datetime') {
        break;
      }
      reading = longer;
      end += 1;
    }
    const timeText = words.slice(0, end).join(' ');
    const text = words
      .slice(end)
      .join(' ')
      .replace(/^[-\u2013\u2014:|]+\s*/, '')
      .trim();
    if (!clockLike.test(timeText) || !/\p{L}/u.test(text)) {
      return undefined;
    }
    return {
      timeText: timeText.replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '').replace(/:$/, ''),
      reading,
      text,
      bracketed: /^\[/.test(timeText) && /\]:?$/.test(timeText),
      bullet: listed !== null,
    };
  }
  return undefined;
}
