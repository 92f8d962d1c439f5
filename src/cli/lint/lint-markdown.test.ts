import { describe, expect, it } from 'vitest';
import { lineLocator, lintMarkdown } from './lint-markdown.ts';
import { readMarkdownProse } from './markdown-prose.ts';

const postmortem = [
  '---',
  'title: Checkout outage',
  'participants: [Alice Chen, { name: Bob Moreau, role: engineering }]',
  'services:',
  '  - Atlas',
  '---',
  '# Summary',
  '',
  'Atlas deployed the bad config. Then Bob deployed the bad config.',
  '',
  '```sh',
  'echo "human error"',
  '```',
  '',
  '| time | what |',
  '|---|---|',
  '| 10:02 | Alice **should have** checked the [human error](https://x.test/human-error) page |',
  '',
  '- Run `human error` and the service failed to start.',
].join('\n');

const at = (line: number, column: number) => ({ line, column });

describe('readMarkdownProse', () => {
  it('reads participants and services from the front matter', () => {
    const prose = readMarkdownProse(postmortem);
    expect(prose.participants).toEqual(['Alice Chen', 'Bob Moreau']);
    expect(prose.services).toEqual(['Atlas']);
  });

  it('keeps prose and leaves out code, link URLs and front matter', () => {
    const text = readMarkdownProse(postmortem)
      .blocks.map((b) => b.text)
      .join('\n');
    expect(text).not.toContain('echo');
    expect(text).not.toContain('https');
    expect(text).not.toContain('title');
    expect(text).toContain('Then Bob deployed the bad config.');
  });

  it('is empty for an empty file and survives a broken front matter', () => {
    expect(readMarkdownProse('').blocks).toEqual([]);
    expect(readMarkdownProse('---\n: [\n---\nhuman error\n').participants).toEqual([]);
  });
});

describe('lintMarkdown', () => {
  it('finds blaming prose at its line and column, people and services from front matter', () => {
    const findings = lintMarkdown(postmortem);
    expect(findings.map((f) => [f.rule, f.excerpt, f.line, f.column])).toEqual([
      ['person-as-cause', 'Bob deployed', 9, 37],
      ['hindsight', 'should have', 17, 19],
      ['human-error', 'human error', 17, 46],
    ]);
    expect(findings[0]).toMatchObject({ endLine: 9, endColumn: 49 });
  });

  it('takes extra people, services and settings from the caller', () => {
    const source = 'Carol broke checkout. Then a human error.';
    // Knowing Dan does not make Carol invisible: listed people add to name detection.
    expect(lintMarkdown(source, { people: ['Dan'] }).map((f) => f.rule)).toEqual([
      'person-as-cause',
      'human-error',
    ]);
    const settings = { disabledRules: ['human-error'], extraTerms: [] };
    expect(lintMarkdown(source, { settings }).map((f) => f.rule)).toEqual(['person-as-cause']);
    expect(lintMarkdown(source, { services: ['Carol'], settings })).toEqual([]);
  });
});

describe('lineLocator', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const locate = lineLocator('ab\ncd\n\nef');
    expect([0, 1, 3, 6, 7, 8].map(locate)).toEqual([
      at(1, 1),
      at(1, 2),
      at(2, 1),
      at(3, 1),
      at(4, 1),
      at(4, 2),
    ]);
  });
});
