import { findZone, knownZoneAbbreviations, type Zone } from './zone.ts';

/** A zone stated in a document's prose, with the line that states it. */
export interface ProseZone {
  zone: Zone;
  /** 1-based line number. */
  line: number;
  /** The sentence as written, e.g. "All times in PDT (UTC-7)." */
  text: string;
}

const token = `(?:UTC|GMT)\\s*[+\\-\\u2212]\\s*\\d{1,2}(?::?\\d{2})?|${knownZoneAbbreviations.join('|')}|(?:Africa|America|Asia|Australia|Europe|Pacific)/[A-Za-z_]+(?:/[A-Za-z_]+)?`;
const tokenPattern = new RegExp(`(?<![A-Za-z])(${token})(?![A-Za-z])`, 'g');
const statementPattern = /\btimes?\b|\btime ?zone\b|\btz\b/i;

function zonesIn(line: string): Zone[] {
  const zones: Zone[] = [];
  for (const match of line.matchAll(tokenPattern)) {
    const zone = match[1] === undefined ? undefined : findZone(match[1]);
    if (zone) {
      zones.push(zone);
    }
  }
  return zones;
}

/**
 * Finds the zone a document states for its times ("All times in CET", "_All times in EEST_",
 * "All times in PDT (UTC-7)", "Times below are in UTC", "Time zone: America/Los_Angeles"). Only
 * lines that talk about time count, so an "EST" in a sentence about something else is not taken
 * for one, and never a table, a block quote or pasted code (a quoted alert keeps its own zone); an explicit `UTC±N` on the same line wins over an
 * abbreviation (it says what the abbreviation meant).
 */
export function findZoneInProse(text: string): ProseZone | undefined {
  const lines = text.split(/\r?\n/);
  let fenced = false;
  for (const [index, raw] of lines.entries()) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      continue;
    }
    // A table cell, a quoted alert or pasted code speaks for itself, not for the document.
    if (fenced || /^\s*[|>]/.test(raw) || !statementPattern.test(raw)) {
      continue;
    }
    const zones = zonesIn(raw);
    const explicit = zones.find((zone) => zone.kind === 'fixed' && zone.label.startsWith('+'));
    const negative = zones.find((zone) => zone.kind === 'fixed' && zone.label.startsWith('-'));
    const chosen = explicit ?? negative ?? zones[0];
    if (
      chosen &&
      /\ball times\b|\btimes?\s+(?:(?:below|above|here|shown|given|listed)\s+)?(?:are|is|in)\b|\btime ?zone\s*(?::|is\b)/i.test(
        raw,
      )
    ) {
      return { zone: chosen, line: index + 1, text: raw.trim() };
    }
  }
  return undefined;
}

/** A zone written right beside a time: "14:03 UTC", "10:00 CET", "5:32 PM (BST)". */
export function findTrailingZone(text: string): Zone | undefined {
  const zones = zonesIn(text);
  return zones[zones.length - 1];
}
