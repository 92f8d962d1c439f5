import type { Report } from './build-report.ts';

const boxWidth = 220;
const gapX = 24;
const gapY = 36;
const lineHeight = 15;
const charsPerLine = 30;
const maxLinesPerText = 4;
const padding = 8;

const markup = /[&<>"']/;

/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  if (!markup.test(text)) {
    return text;
  }
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Greedy word wrap to `charsPerLine`, at most `maxLinesPerText` lines, the last one ellipsed. */
export function wrapText(text: string): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= charsPerLine) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push(line);
    }
    line = word.length > charsPerLine ? `${word.slice(0, charsPerLine - 1)}…` : word;
  }
  if (line) {
    lines.push(line);
  }
  if (lines.length > maxLinesPerText) {
    const kept = lines.slice(0, maxLinesPerText);
    kept[maxLinesPerText - 1] = `${kept[maxLinesPerText - 1]?.slice(0, charsPerLine - 1)}…`;
    return kept;
  }
  return lines;
}

const markStyle: Record<string, { fill: string; stroke: string; width: number; tag: string }> = {
  root_cause: { fill: '#fde2e1', stroke: '#b42318', width: 3, tag: 'Root cause' },
  contributing_factor: { fill: '#fff4d6', stroke: '#b54708', width: 2, tag: 'Contributing factor' },
  none: { fill: '#f4f5f7', stroke: '#6b7280', width: 1, tag: '' },
};

/**
 * The why-tree as an inline SVG drawn in pure code (no browser, no diagram library): a tidy
 * tree where leaves take consecutive columns and each parent sits above the middle of its
 * children; one box per why (mark, question, answer), parent-to-child connectors.
 */
export function whyTreeSvg(tree: Report['whyTree']): string {
  if (tree.length === 0) {
    return '';
  }
  const children = new Map<string | null, string[]>();
  for (const node of tree) {
    const siblings = children.get(node.parentRef) ?? [];
    siblings.push(node.ref);
    children.set(node.parentRef, siblings);
  }
  const lines = new Map(
    tree.map((node) => {
      const tag = markStyle[node.mark]?.tag;
      const question = wrapText(node.question);
      const answer = node.answer.trim() ? wrapText(node.answer) : [];
      return [node.ref, { tag, question, answer }];
    }),
  );
  const rowHeight = Math.max(
    ...tree.map((node) => {
      const l = lines.get(node.ref);
      return (
        ((l?.tag ? 1 : 0) + (l?.question.length ?? 0) + (l?.answer.length ?? 0)) * lineHeight +
        2 * padding
      );
    }),
  );
  const column = new Map<string, number>();
  let nextLeaf = 0;
  // Post-order: a node's column is its first and last child's midpoint, or the next free leaf.
  const place = (ref: string): number => {
    const kids = children.get(ref) ?? [];
    if (kids.length === 0) {
      column.set(ref, nextLeaf);
      nextLeaf += 1;
      return nextLeaf - 1;
    }
    const placed = kids.map(place);
    const x = ((placed[0] ?? 0) + (placed[placed.length - 1] ?? 0)) / 2;
    column.set(ref, x);
    return x;
  };
  for (const root of children.get(null) ?? []) {
    place(root);
  }
  const depthOf = new Map(tree.map((node) => [node.ref, node.depth]));
  const maxDepth = Math.max(...tree.map((node) => node.depth));
  const width = nextLeaf * (boxWidth + gapX) - gapX + 2;
  const height = maxDepth * (rowHeight + gapY) - gapY + 2;
  const left = (ref: string) => 1 + (column.get(ref) ?? 0) * (boxWidth + gapX);
  const top = (ref: string) => 1 + ((depthOf.get(ref) ?? 1) - 1) * (rowHeight + gapY);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="why-tree" role="img" aria-label="Why-tree" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
  ];
  for (const node of tree) {
    if (node.parentRef !== null && column.has(node.parentRef)) {
      const x1 = left(node.parentRef) + boxWidth / 2;
      const y1 = top(node.parentRef) + rowHeight;
      const x2 = left(node.ref) + boxWidth / 2;
      const y2 = top(node.ref);
      const midY = (y1 + y2) / 2;
      out.push(
        `<path d="M${x1} ${y1} V${midY} H${x2} V${y2}" fill="none" stroke="#9ca3af" stroke-width="1.5"/>`,
      );
    }
  }
  for (const node of tree) {
    const style = markStyle[node.mark] ?? markStyle.none;
    const l = lines.get(node.ref);
    const x = left(node.ref);
    const y = top(node.ref);
    out.push(
      `<g><rect x="${x}" y="${y}" width="${boxWidth}" height="${rowHeight}" rx="6" fill="${style?.fill}" stroke="${style?.stroke}" stroke-width="${style?.width}"/>`,
    );
    let lineY = y + padding + 11;
    const textLine = (content: string, weight: string) => {
      out.push(
        `<text x="${x + padding}" y="${lineY}" font-weight="${weight}">${escapeXml(content)}</text>`,
      );
      lineY += lineHeight;
    };
    if (l?.tag) {
      textLine(l.tag, '700');
    }
    for (const line of l?.question ?? []) {
      textLine(line, '600');
    }
    for (const line of l?.answer ?? []) {
      textLine(line, '400');
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}
