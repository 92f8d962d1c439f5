import { classifyHeading, type HeadingRole, isDateOrTimeHeading } from './classify-heading.ts';

/** A run of a document under one heading (or before the first: the preamble). */
export interface Section {
  heading: string;
  level: number;
  role: HeadingRole | null;
  lines: string[];
  line: number;
}

/** Splits the body at headings (outside code fences) into the title and sections. */
function splitSections(body: string, firstLine: number) {
  const lines = body.split('\n');
  let title: string | null = null;
  const preamble: Section = {
    heading: 'preamble',
    level: 0,
    role: null,
    lines: [],
    line: firstLine,
  };
  const sections: Section[] = [];
  let current = preamble;
  let fenced = false;
  lines.forEach((line, index) => {
    if (line.trim().startsWith('```')) {
      fenced = !fenced;
    }
    const heading = fenced ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const text = heading[2] ?? '';
      if (level === 1 && title === null && sections.length === 0) {
        title = text;
        return;
      }
      current = {
        heading: text,
        level,
        role: classifyHeading(text),
        lines: [],
        line: firstLine + index,
      };
      sections.push(current);
      return;
    }
    current.lines.push(line);
  });
  return { title: title as string | null, preamble, sections };
}

/**
 * Groups sections: a recognised heading starts a part; an unrecognised heading deeper than
 * the open part stays inside it (a timeline also keeps the date and time headings that
 * follow it at any level); any other unrecognised heading starts an unplaced part.
 */
function groupSections(sections: Section[]): Section[] {
  const parts: Section[] = [];
  let open: Section | null = null;
  for (const section of sections) {
    const continues =
      open !== null &&
      section.role === null &&
      (section.level > open.level ||
        (open.role?.kind === 'timeline' && isDateOrTimeHeading(section.heading)));
    if (open && continues) {
      open.lines.push(`${'#'.repeat(section.level)} ${section.heading}`, ...section.lines);
      continue;
    }
    open = { ...section, lines: [...section.lines] };
    parts.push(open);
  }
  return parts;
}

/**
 * The document's title (its first level-1 heading), the text before the first section, and its
 * parts: a recognised heading starts a part, and the unrecognised headings under it stay in it.
 */
export function readDocumentParts(
  body: string,
  firstLine: number,
): { title: string | null; preamble: Section; parts: Section[] } {
  const { title, preamble, sections } = splitSections(body, firstLine);
  return { title, preamble, parts: groupSections(sections) };
}
