import { describe, expect, it } from 'vitest';
import {
  escapeMermaidText,
  type MermaidWhyNode,
  mermaidTextMax,
  whyTreeMermaid,
} from './why-tree-mermaid.ts';

const node = (overrides: Partial<MermaidWhyNode> & { id: string }): MermaidWhyNode => ({
  parentId: null,
  position: 0,
  question: 'Why?',
  answer: '',
  mark: 'none',
  ...overrides,
});

/** The quoted label of each box, by generated id. */
const labels = (source: string) =>
  Object.fromEntries(
    [...source.matchAll(/^ {2}(w\d+)\["(.*)"\]$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );

describe('whyTreeMermaid', () => {
  const tree = [
    node({
      id: 'b',
      parentId: 'a',
      question: 'Why was the pool exhausted?',
      answer: 'Limit lowered',
      mark: 'contributing_factor',
    }),
    node({ id: 'a', question: 'Why did checkout fail?', answer: 'Pool exhausted' }),
    node({
      id: 'c',
      parentId: 'b',
      question: 'Why was it lowered?',
      answer: 'No load test in CI',
      mark: 'root_cause',
    }),
    node({ id: 'd', position: 1, question: 'Why was detection slow?', mark: 'root_cause' }),
  ];

  it('draws a top-down graph in outline order with parent-to-child edges', () => {
    const source = whyTreeMermaid(tree);
    expect(source.split('\n')[0]).toBe('graph TD');
    expect(labels(source)).toEqual({
      w1: 'Why did checkout fail?<br/>Pool exhausted',
      w2: 'Contributing factor: Why was the pool exhausted?<br/>Limit lowered',
      w3: 'Root cause: Why was it lowered?<br/>No load test in CI',
      w4: 'Root cause: Why was detection slow?',
    });
    expect(source).toContain('  w1 --> w2\n  w2 --> w3\n');
    expect(source).not.toContain('--> w1');
    expect(source).not.toContain('--> w4');
  });

  it('styles root causes and contributing factors with classes', () => {
    const source = whyTreeMermaid(tree);
    expect(source).toMatch(/^ {2}classDef rootCause /m);
    expect(source).toMatch(/^ {2}classDef contributing /m);
    expect(source).toContain('  class w3,w4 rootCause\n');
    expect(source).toContain('  class w2 contributing\n');
  });

  it('draws a placeholder for an empty tree', () => {
    expect(whyTreeMermaid([])).toBe('graph TD\n  empty["No whys yet"]\n');
  });

  it('never takes node ids from the data', () => {
    const source = whyTreeMermaid([node({ id: 'x"]; click w1 call alert(1)' })]);
    expect(source).not.toContain('click');
    expect(Object.keys(labels(source))).toEqual(['w1']);
  });
});

describe('escapeMermaidText', () => {
  const hostile = [
    'Bob said "done"] --> evil["pwned',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    'line one\nline two\r\n%% comment\nclick w1 call alert()',
    '`**markdown**` {curly} [square] |pipe| ;semi #quot; &amp;',
  ];

  it.each(hostile)('leaves no Mermaid or HTML syntax in %j', (text) => {
    const escaped = escapeMermaidText(text);
    expect(escaped).not.toMatch(/["<>[\]{}|`\n\r&*%]/);
    // Every # and ; belongs to an entity code we wrote.
    expect(escaped.replace(/#\d+;/g, '')).not.toMatch(/[#;]/);
    const source = whyTreeMermaid([node({ id: 'a', question: text, answer: text })]);
    expect(source.split('\n').filter((l) => l.startsWith('  w'))).toHaveLength(1);
  });

  it('encodes quotes, brackets and angle brackets as entity codes', () => {
    expect(escapeMermaidText('a "b" <c> [d]')).toBe('a #34;b#34; #60;c#62; #91;d#93;');
  });

  it('keeps letters of any script, digits and plain punctuation', () => {
    expect(escapeMermaidText("Zoë's café, 2 (of 3): ok? yes!")).toBe(
      "Zoë's café, 2 (of 3): ok? yes!",
    );
    expect(escapeMermaidText('日本語')).toBe('日本語');
  });

  it('turns line breaks into spaces and shortens long text', () => {
    expect(escapeMermaidText(' a\n\n b\t')).toBe('a b');
    const long = escapeMermaidText('x'.repeat(mermaidTextMax + 50));
    expect(long.startsWith('x'.repeat(mermaidTextMax - 1))).toBe(true);
    expect(long.endsWith('#8230;')).toBe(true);
  });
});
