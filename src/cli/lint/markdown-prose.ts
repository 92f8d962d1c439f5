import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { parse as parseYaml } from 'yaml';

/** One run of prose (a paragraph, heading or table cell) and where each piece came from. */
export interface ProseBlock {
  text: string;
  /** Pieces of `text` in order: `at` is the offset in `text`, `source` in the file. */
  pieces: Array<{ at: number; source: number; length: number }>;
}

/** The prose of a Markdown file and the names listed in its front matter. */
export interface MarkdownProse {
  blocks: ProseBlock[];
  participants: string[];
  services: string[];
  /** The parsed YAML front matter (empty when absent or broken). */
  frontMatter: Record<string, unknown>;
}

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
/** Inline code stands in the sentence as a neutral noun, so "`cron` failed to run" parses. */
const codeStandIn = 'code';
const markdown = new MarkdownIt('default', { html: true, linkify: false });

/** Names from a front-matter list: strings, or objects with a `name`. */
function namesIn(value: unknown): string[] {
  if (!Array.isArray(value)) {
    return typeof value === 'string' ? [value] : [];
  }
  return value.flatMap((item) => {
    if (typeof item === 'string') {
      return [item];
    }
    const name = (item as { name?: unknown } | null)?.name;
    return typeof name === 'string' ? [name] : [];
  });
}

function readFrontMatter(source: string) {
  const match = frontMatter.exec(source);
  if (!match) {
    return { bodyStart: 0, participants: [], services: [], data: {} };
  }
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseYaml(match[1] ?? '');
    data = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    // A broken header is not prose either; lint the body without names.
  }
  const incidents = Array.isArray(data.incidents) ? data.incidents : [];
  return {
    bodyStart: match[0].length,
    participants: namesIn(data.participants),
    // Top-level `services:` and each incident's services (the documented export's shape).
    services: [
      ...namesIn(data.services),
      ...incidents.flatMap((incident) => namesIn((incident as { services?: unknown })?.services)),
    ],
    data,
  };
}

/**
 * markdown-it gives inline tokens their block's lines but no columns: each text piece is found
 * in the source from a cursor that only moves forward. A piece whose source differs from its
 * value (an entity, an escape) keeps the cursor's offset.
 */
function readInline(inline: Token, body: string, from: number, offset: number): ProseBlock {
  const block: ProseBlock = { text: '', pieces: [] };
  let cursor = from;
  for (const child of inline.children ?? []) {
    if (child.type === 'text' && child.content) {
      const found = body.indexOf(child.content, cursor);
      const at = found >= 0 && found - cursor < 200 ? found : cursor;
      block.pieces.push({
        at: block.text.length,
        source: offset + at,
        length: child.content.length,
      });
      block.text += child.content;
      cursor = at + child.content.length;
    } else if (child.type === 'code_inline') {
      block.text += codeStandIn;
      const found = body.indexOf(child.content, cursor);
      cursor = found >= 0 ? found + child.content.length : cursor;
    } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      block.text += ' ';
    }
  }
  return block;
}

/**
 * The prose of a Markdown file: paragraphs, headings, list items and table cells, with code
 * blocks, inline code, HTML, link URLs, images and the YAML front matter left out.
 */
export function readMarkdownProse(source: string): MarkdownProse {
  const { bodyStart, participants, services, data } = readFrontMatter(source);
  const body = source.slice(bodyStart);
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
  }
  const blocks: ProseBlock[] = [];
  let cursor = 0;
  let lastLine = 0;
  for (const token of markdown.parse(body, {})) {
    if (token.map) {
      lastLine = token.map[0];
    }
    if (token.type !== 'inline') {
      continue;
    }
    cursor = Math.max(cursor, lineStarts[lastLine] ?? 0);
    const block = readInline(token, body, cursor, bodyStart);
    const last = block.pieces.at(-1);
    cursor = last ? last.source - bodyStart + last.length : cursor;
    if (block.text.trim()) {
      blocks.push(block);
    }
  }
  return { blocks, participants, services, frontMatter: data };
}

/** The offset in the file of an offset in a block's text. */
export function sourceOffset(block: ProseBlock, at: number): number {
  let piece = block.pieces[0];
  for (const candidate of block.pieces) {
    if (candidate.at > at) {
      break;
    }
    piece = candidate;
  }
  if (!piece) {
    return 0;
  }
  return piece.source + Math.min(Math.max(at - piece.at, 0), piece.length);
}
