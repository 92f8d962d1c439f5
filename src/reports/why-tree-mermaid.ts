import type { WhyNode } from '../domain/why-node.ts';
import { outlineOrder } from '../domain/why-tree.ts';

/** The fields of a why-node the diagram shows. */
export type MermaidWhyNode = Pick<
  WhyNode,
  'id' | 'parentId' | 'position' | 'question' | 'answer' | 'mark'
>;

/** Longest text, per question or answer, drawn in a box; the outline shows the rest. */
export const mermaidTextMax = 160;

// Everything outside this set becomes a Mermaid entity code (`#60;`), so no text can close
// the label, start a Markdown string, open an HTML tag, or end the statement.
const plain = /^[\p{L}\p{N} .,:!?'()_/-]$/u;

/** Escapes user text for a double-quoted Mermaid label: only entity codes, never markup. */
export function escapeMermaidText(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  const chars = [...collapsed];
  const shown =
    chars.length > mermaidTextMax ? [...chars.slice(0, mermaidTextMax - 1), '…'] : chars;
  return shown.map((char) => (plain.test(char) ? char : `#${char.codePointAt(0)};`)).join('');
}

const markLabel: Record<WhyNode['mark'], string> = {
  root_cause: 'Root cause: ',
  contributing_factor: 'Contributing factor: ',
  none: '',
};

/**
 * The why-tree as a Mermaid flowchart (`graph TD`): one box per why (question, then answer),
 * parent to child edges, root causes and contributing factors styled by class. Node ids are
 * generated (`w1`, `w2`, …), never taken from the data.
 */
export function whyTreeMermaid(nodes: readonly MermaidWhyNode[]): string {
  const ordered = outlineOrder(nodes);
  const lines = ['graph TD'];
  if (ordered.length === 0) {
    lines.push('  empty["No whys yet"]');
    return `${lines.join('\n')}\n`;
  }
  const key = new Map(ordered.map(({ node }, index) => [node.id, `w${index + 1}`]));
  const idOf = (id: string) => key.get(id) ?? 'unknown';
  for (const { node } of ordered) {
    const answer = node.answer.trim() ? `<br/>${escapeMermaidText(node.answer)}` : '';
    const label = `${markLabel[node.mark]}${escapeMermaidText(node.question)}${answer}`;
    lines.push(`  ${idOf(node.id)}["${label}"]`);
  }
  for (const { node } of ordered) {
    if (node.parentId !== null) {
      lines.push(`  ${idOf(node.parentId)} --> ${idOf(node.id)}`);
    }
  }
  lines.push('  classDef rootCause fill:#fde2e1,stroke:#b42318,stroke-width:3px,color:#1d1d1d');
  lines.push('  classDef contributing fill:#fff4d6,stroke:#b54708,stroke-width:2px,color:#1d1d1d');
  const classed = (mark: WhyNode['mark']) =>
    ordered.filter(({ node }) => node.mark === mark).map(({ node }) => idOf(node.id));
  const roots = classed('root_cause');
  const contributing = classed('contributing_factor');
  if (roots.length > 0) {
    lines.push(`  class ${roots.join(',')} rootCause`);
  }
  if (contributing.length > 0) {
    lines.push(`  class ${contributing.join(',')} contributing`);
  }
  return `${lines.join('\n')}\n`;
}
