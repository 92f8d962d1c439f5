import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A Markdown postmortem as the theme tests need it: file, title, sections by heading, a date. */
export interface MarkdownPostmortem {
  file: string;
  title: string;
  sections: Record<string, string>;
  /** The first full date found (timeline rows, headings, the file name), else 1 January of its year. */
  occurredAt: Date;
}

/**
 * A small reader of real-world Markdown postmortems: the first `#` heading is the title, each
 * `##` heading opens a section. Enough to compare reports by their words; not an importer.
 */
export function readMarkdownPostmortem(path: string): MarkdownPostmortem {
  const text = readFileSync(path, 'utf8');
  const sections: Record<string, string> = {};
  let title = '';
  let current = 'preamble';
  for (const line of text.split(/\r?\n/)) {
    const heading = /^(#{1,2})\s+(.*)$/.exec(line);
    if (heading?.[1] === '#' && !title) {
      title = (heading[2] ?? '').trim();
    } else if (heading?.[1] === '##') {
      current = (heading[2] ?? '').trim().toLowerCase();
    } else {
      sections[current] = `${sections[current] ?? ''}${line}\n`;
    }
  }
  const date = /\b(20\d\d)-(\d\d)-(\d\d)\b/.exec(`${basename(path)}\n${text}`);
  const year = /(20\d\d)/.exec(basename(path))?.[1] ?? '2020';
  return {
    file: basename(path),
    title: title || basename(path, '.md'),
    sections,
    occurredAt: new Date(
      date ? `${date[1]}-${date[2]}-${date[3]}T00:00:00Z` : `${year}-01-01T00:00:00Z`,
    ),
  };
}

/** Every Markdown postmortem directly in a folder, README and templates left out. */
export function readMarkdownPostmortems(folder: string): MarkdownPostmortem[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== 'README.md' && !/template/i.test(name))
    .sort()
    .map((name) => readMarkdownPostmortem(join(folder, name)));
}
