import { describe, expect, it } from 'vitest';
import {
  findCycles,
  findImports,
  type ModuleEdge,
  moduleGraph,
} from '../../scripts/check-boundaries.mjs';

/** The circles among a set of source texts, each as `file:line` steps. */
function circlesOf(sources: Record<string, string>) {
  const importsByFile = new Map(
    Object.entries(sources).map(([file, source]) => [file, findImports(source)]),
  );
  return findCycles(moduleGraph(importsByFile)).map((steps) =>
    steps.map((step) => `${step.file}:${step.line}`),
  );
}

describe('the boundary check finds import circles among modules', () => {
  it('reports a circle of type-only imports, with the line of every import that closes it', () => {
    const circles = circlesOf({
      '/src/a/rules.ts': "import { templates } from './templates.ts';\nexport const rules = 1;\n",
      '/src/a/templates.ts':
        "import type { Span } from './matchers.ts';\nexport const templates = 1;\n",
      '/src/a/matchers.ts':
        "export interface Span { start: number }\n\nimport type { Rules } from './rules.ts';\n",
    });
    expect(circles).toEqual([
      ['/src/a/matchers.ts:3', '/src/a/rules.ts:1', '/src/a/templates.ts:1'],
    ]);
  });

  it('reports a re-export or a type query that closes a circle across folders', () => {
    const circles = circlesOf({
      '/src/app/deps.ts': "export type { Outbox } from './notify/notify.ts';\n",
      '/src/app/notify/notify.ts': "type Deps = typeof import('../deps.ts');\n",
    });
    expect(circles).toEqual([['/src/app/deps.ts:1', '/src/app/notify/notify.ts:1']]);
  });

  it('reports a module that imports itself', () => {
    expect(circlesOf({ '/src/a.ts': "import type { A } from './a.ts';\n" })).toEqual([
      ['/src/a.ts:1'],
    ]);
  });

  it('reports each set of modules that reach each other once, by its shortest circle', () => {
    const circles = circlesOf({
      '/src/a.ts': "import './b.ts';\nimport './c.ts';\n",
      '/src/b.ts': "import './a.ts';\nimport './c.ts';\n",
      '/src/c.ts': "import './a.ts';\n",
      '/src/d.ts': "import './e.ts';\n",
      '/src/e.ts': "import './d.ts';\n",
    });
    expect(circles).toEqual([
      ['/src/a.ts:1', '/src/b.ts:1'],
      ['/src/d.ts:1', '/src/e.ts:1'],
    ]);
  });

  it('finds none where imports only point down: a diamond, shared leaves, imports of other files', () => {
    const circles = circlesOf({
      '/src/top.ts': "import { left } from './left.ts';\nimport { right } from './right.ts';\n",
      '/src/left.ts': "import type { Leaf } from './leaf.ts';\nimport 'node:fs';\n",
      '/src/right.ts': "import type { Leaf } from './leaf.ts';\nimport '../test/top.ts';\n",
      '/src/leaf.ts':
        "// import { top } from './top.ts';\nconst text = 'see top.ts';\nexport type Leaf = string;\n",
    });
    expect(circles).toEqual([]);
  });

  it('walks a long chain without overflowing the stack', () => {
    const length = 20_000;
    const graph = new Map<string, ModuleEdge[]>();
    for (let i = 0; i < length; i += 1) {
      graph.set(`m${i}`, i + 1 < length ? [{ target: `m${i + 1}`, line: 1 }] : []);
    }
    expect(findCycles(graph)).toEqual([]);
    graph.set(`m${length - 1}`, [{ target: 'm0', line: 2 }]);
    expect(findCycles(graph)).toHaveLength(1);
    expect(findCycles(graph)[0]).toHaveLength(length);
  });
});

describe('the boundary check reads import specifiers', () => {
  it('skips comments, not code after a string that holds comment marks, and keeps lines right', () => {
    const source = [
      "import type { A } from './a.ts'; // import { B } from './b.ts';",
      "/* import { C } from './c.ts';",
      '*/',
      "const url = 'https://example.org/*'; import { D } from './d.ts';",
      'const path = `//` + url;',
      "export * from './e.ts';",
      "await import('./f.ts');",
    ].join('\n');
    expect(findImports(source)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: './d.ts', line: 4 },
      { specifier: './e.ts', line: 6 },
      { specifier: './f.ts', line: 7 },
    ]);
  });
});
