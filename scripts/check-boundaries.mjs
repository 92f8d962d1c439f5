#!/usr/bin/env node
/**
 * The layer rule of docs/STYLE.md, enforced: arrows point down only.
 *
 * Walks src/**\/*.{ts,tsx}, reads every import specifier (static `import … from`, `export … from`,
 * side-effect `import '…'`, dynamic `import('…')`, type-only imports included), resolves relative
 * ones to their top folder under src/ and checks both the layer and the npm package against the
 * rules below. Prints every violation as `file:line imports X — …` and exits 1; plain Node, no
 * dependencies, so it runs before anything is installed.
 *
 * Test files (`*.test.ts`) obey the layer rules too, but may use any package and reach the
 * shared test support outside src/ (fixtures, test databases).
 *
 * Within a layer the arrows point down too: no two modules of src/ may reach each other through
 * their imports, type-only ones included (`a.ts` imports `b.ts` imports `a.ts`). Each circle is
 * printed once, as the import lines that close it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');

/** Which layers each layer may import (besides itself). */
const allowedLayers = {
  domain: [],
  analysis: ['domain'],
  importers: ['domain'],
  reports: ['domain'],
  contracts: ['domain'],
  storage: ['domain'],
  inputs: ['domain', 'importers'],
  app: ['domain', 'analysis', 'importers', 'reports', 'contracts', 'storage', 'inputs'],
  server: ['app', 'domain', 'contracts', 'analysis', 'reports', 'storage'],
  cli: ['app', 'server', 'storage', 'domain', 'contracts', 'analysis', 'importers', 'reports'],
  web: ['contracts', 'domain', 'analysis'],
};

const isNodeBuiltin = (name) => name.startsWith('node:') || builtinModules.includes(name);
const io = [
  { test: isNodeBuiltin, label: 'Node built-ins' },
  { test: (name) => name === 'pg', label: 'pg' },
  { test: (name) => name === 'drizzle-orm', label: 'drizzle-orm' },
  { test: (name) => name.startsWith('fastify') || name.startsWith('@fastify/'), label: 'fastify' },
  { test: (name) => name.startsWith('@electric-sql/'), label: '@electric-sql' },
];
const ui = [{ test: (name) => name.startsWith('react'), label: 'React' }];

/**
 * npm packages each layer may not import. The pure layers do no IO; `contracts` is bundled
 * into the browser with `web`, so it obeys the same ban.
 */
const forbiddenPackages = {
  domain: io,
  analysis: io,
  importers: io,
  reports: io,
  contracts: io,
  web: io,
  app: [io[3], ...ui],
  inputs: [io[1], io[2], io[3], io[4], ...ui],
};

/**
 * A comment or a string, whichever starts first: strings are matched so that a `//` inside one
 * is not taken for a comment. A quote ends at its match, at a newline (except a backtick's) or at
 * the end of the text; a backslash escapes the next character.
 */
const commentOrString =
  /\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$(?![\s\S]))|'(?:\\[\s\S]?|[^'\\\n])*(?:'|\n|$(?![\s\S]))|"(?:\\[\s\S]?|[^"\\\n])*(?:"|\n|$(?![\s\S]))|`(?:\\[\s\S]?|[^`\\])*(?:`|$(?![\s\S]))/g;

/** Replaces comments with spaces (keeping newlines and strings), so line numbers stay right. */
function stripComments(source) {
  return source.replace(commentOrString, (match) =>
    match[0] === '/' ? match.replace(/[^\n]/g, ' ') : match,
  );
}

const importPatterns = [
  // import x from '…', import { a } from '…', import type …, export { a } from '…', export * from '…'
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  // import '…' (side effects)
  /\bimport\s*(['"])([^'"\n]+)\1/g,
  // import('…')
  /\bimport\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g,
];

/** The 1-based line of a character offset, given the offsets where lines start. */
function lineAt(lineStarts, offset) {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return low + 1;
}

/** Every import specifier of a source text, with its 1-based line. */
export function findImports(source) {
  const text = stripComments(source);
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lineStarts.push(at + 1);
  }
  const found = [];
  for (const pattern of importPatterns) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index + match[0].lastIndexOf(match[2]);
      found.push({ specifier: match[2], line: lineAt(lineStarts, at) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** `drizzle-orm/pglite` → `drizzle-orm`, `@fastify/cookie/x` → `@fastify/cookie`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function layerOf(absolutePath) {
  const rel = relative(srcDir, absolutePath);
  if (rel.startsWith('..') || rel === '') {
    return undefined;
  }
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : '(src root)';
}

function walk(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...walk(path));
    } else if (/\.tsx?$/.test(entry.name)) {
      files.push(path);
    }
  }
  return files.sort();
}

/** The violations of one file, as printable lines. */
export function checkFile(file, source, imports = findImports(source)) {
  const layer = layerOf(file);
  const shown = relative(root, file);
  const isTest = /\.test\.tsx?$/.test(file);
  if (!layer || !(layer in allowedLayers)) {
    return [
      `${shown}:1 is outside the known layers — put it in one of src/{${Object.keys(allowedLayers).join(',')}}`,
    ];
  }
  const violations = [];
  for (const { specifier, line } of imports) {
    const where = `${shown}:${line} imports ${specifier}`;
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      const target = layerOf(resolve(dirname(file), specifier));
      if (target === layer) {
        continue;
      }
      if (target === undefined) {
        if (!isTest) {
          violations.push(`${where} — layer ${layer} may not import outside src/`);
        }
        continue;
      }
      if (!allowedLayers[layer].includes(target)) {
        violations.push(`${where} — layer ${layer} may not import layer ${target}`);
      }
      continue;
    }
    if (isTest) {
      continue;
    }
    const name = packageName(specifier);
    const ban = (forbiddenPackages[layer] ?? []).find((rule) => rule.test(name));
    if (ban) {
      violations.push(`${where} — layer ${layer} may not import ${ban.label} (package ${name})`);
    }
  }
  return violations;
}

/**
 * The module a relative specifier names, among `files`: the exact path, or (for specifiers
 * written without the extension) the path with `.ts`, `.tsx` or `/index.ts`.
 */
function resolveModule(from, specifier, files) {
  const target = resolve(dirname(from), specifier);
  return [target, `${target}.ts`, `${target}.tsx`, join(target, 'index.ts')].find((path) =>
    files.has(path),
  );
}

/**
 * The import circles of a module graph (`file → [{ target, line }]`), each once: for every
 * strongly connected set of modules, the shortest path from its first file back to itself.
 * Tarjan's algorithm without recursion, so a long chain cannot overflow the stack.
 */
export function findCycles(graph) {
  const order = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (order.has(start)) {
      continue;
    }
    const work = [{ node: start, edge: 0 }];
    order.set(start, next);
    low.set(start, next);
    next += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = graph.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const { target } = edges[frame.edge];
        frame.edge += 1;
        if (!order.has(target)) {
          order.set(target, next);
          low.set(target, next);
          next += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node), order.get(target)));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) {
        low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node)));
      }
      if (low.get(frame.node) === order.get(frame.node)) {
        const component = new Set();
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.add(member);
        } while (member !== frame.node);
        const selfImport = (graph.get(frame.node) ?? []).some((e) => e.target === frame.node);
        if (component.size > 1 || selfImport) {
          components.push(component);
        }
      }
    }
  }
  return components.map((component) => shortestCircle(graph, component));
}

/** The shortest circle through the alphabetically first module of a strongly connected set. */
function shortestCircle(graph, component) {
  const [first] = [...component].sort();
  const cameFrom = new Map();
  const queue = [first];
  for (let i = 0; i < queue.length; i += 1) {
    const node = queue[i];
    for (const edge of graph.get(node) ?? []) {
      if (!component.has(edge.target) || cameFrom.has(edge.target)) {
        continue;
      }
      cameFrom.set(edge.target, { from: node, line: edge.line });
      if (edge.target === first) {
        queue.length = 0;
        break;
      }
      queue.push(edge.target);
    }
  }
  const steps = [];
  let node = first;
  do {
    const step = cameFrom.get(node);
    steps.push({ file: step.from, line: step.line, target: node });
    node = step.from;
  } while (node !== first);
  return steps.reverse();
}

/**
 * The module graph of a set of files (`file → its imports`, as `findImports` reads them): each
 * file's relative imports of other files of the set, with their lines.
 */
export function moduleGraph(importsByFile) {
  const files = new Set(importsByFile.keys());
  const graph = new Map();
  for (const [file, imports] of importsByFile) {
    const edges = [];
    for (const { specifier, line } of imports) {
      if (specifier.startsWith('.')) {
        const target = resolveModule(file, specifier, files);
        if (target) {
          edges.push({ target, line });
        }
      }
    }
    graph.set(file, edges);
  }
  return graph;
}

/** A circle as one printable line: every import that closes it, in order. */
function describeCircle(steps) {
  const path = steps.map((step) => `${relative(root, step.file)}:${step.line}`).join(' → ');
  return `${path} → ${relative(root, steps[0].file)} — import circle; move what they share into the lower module or a small module of its own`;
}

function main() {
  const files = walk(srcDir);
  const sources = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const importsByFile = new Map(files.map((file) => [file, findImports(sources.get(file))]));
  const violations = files.flatMap((file) =>
    checkFile(file, sources.get(file), importsByFile.get(file)),
  );
  violations.push(...findCycles(moduleGraph(importsByFile)).map(describeCircle));
  for (const violation of violations) {
    console.error(violation);
  }
  console.log(`boundaries: ${files.length} files checked, ${violations.length} violations`);
  process.exitCode = violations.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
