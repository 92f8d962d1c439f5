import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { root as repoRoot, writeBuildInputs } from './scripts/build-state.mjs';

/**
 * Writes the files a build read (our modules, `index.html`, this config, the installed
 * dependencies' lock) into the output directory, so that `npm start` rebuilds only when one
 * of them changed (`scripts/build-state.mjs`).
 */
function recordBuildInputs(): Plugin {
  let outDir = '';
  let inputs: string[] = [];
  return {
    name: 'debrief-record-build-inputs',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle() {
      inputs = [...this.getModuleIds()]
        .map((id) => id.split('?')[0] ?? id)
        .filter((id) => id.startsWith(repoRoot) && !id.includes('/node_modules/'));
    },
    closeBundle() {
      const lock = 'node_modules/.package-lock.json';
      const always = ['index.html', 'vite.config.ts', ...(existsSync(lock) ? [lock] : [])];
      writeBuildInputs(outDir, new Set([...inputs, ...always]));
    },
  };
}

/** The web app: `index.html` at the repo root, built into `dist/web` for the server to serve. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), recordBuildInputs()],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // The largest chunk (≈ 660 kB, 150 kB gzip) is one module of mermaid's diagram parser
    // (@mermaid-js/parser's bundled grammar runtime), loaded only when a why-tree diagram is
    // drawn: a single module cannot be split further. What a first visit loads is held to
    // 150 KB gzip by its own test (e2e/initial-js.spec.ts), so this limit only has to sit
    // above that lazy module, not guard the start of the app.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
