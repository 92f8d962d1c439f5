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

/** Replaces comments with spaces (keeping newlines and strings), so line numbers stay right. */
function stripComments(source) {
  let out = '';
  let i = 0;
  let quote = null;
  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote || (c === '\n' && quote !== '`')) {
        quote = null;
      }
      i += 1;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i += 1;
      }
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      if (c === "'" || c === '"' || c === '`') {
        quote = c;
      }
      out += c;
      i += 1;
    }
  }
  return out;
}

const importPatterns = [
  // import x from '…', import { a } from '…', import type …, export { a } from '…', export * from '…'
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"\n]+)\1/g,
  // import '…' (side effects)
  /\bimport\s*(['"])([^'"\n]+)\1/g,
  // import('…')
  /\bimport\s*\(\s*(['"`])([^'"`\n]+)\1\s*\)/g,
];

/** Every import specifier of a source text, with its 1-based line. */
export function findImports(source) {
  const text = stripComments(source);
  const found = [];
  for (const pattern of importPatterns) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index + match[0].lastIndexOf(match[2]);
      found.push({ specifier: match[2], line: text.slice(0, at).split('\n').length });
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
export function checkFile(file, source) {
  const layer = layerOf(file);
  const shown = relative(root, file);
  const isTest = /\.test\.tsx?$/.test(file);
  if (!layer || !(layer in allowedLayers)) {
    return [
      `${shown}:1 is outside the known layers — put it in one of src/{${Object.keys(allowedLayers).join(',')}}`,
    ];
  }
  const violations = [];
  for (const { specifier, line } of findImports(source)) {
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

function main() {
  const files = walk(srcDir);
  const violations = files.flatMap((file) => checkFile(file, readFileSync(file, 'utf8')));
  for (const violation of violations) {
    console.error(violation);
  }
  console.log(`boundaries: ${files.length} files checked, ${violations.length} violations`);
  process.exitCode = violations.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
