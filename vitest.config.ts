import { defineConfig } from 'vitest/config';

/**
 * Three projects, run by `npm test` (= `vitest run`) in order: unit, then integration, then
 * e2e (`sequence.groupOrder`), so that the heavy suites never compete for the two cores.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          setupFiles: ['test/support/provide-tagger.ts'],
          // The property suites run hundreds of generated cases each: 1–2 s alone, past the
          // default 5 s on a loaded machine. A hang still fails, after 30 s.
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          setupFiles: ['test/support/provide-tagger.ts'],
          // CLI tests start the real binary several times per test; on a loaded 2-core runner that
          // takes minutes, not seconds.
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Each PGlite costs ~0.8 GB and seconds of CPU to boot; two at a time fits the runners.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.spec.ts'],
          testTimeout: 120_000,
          // Set-up builds the web app and starts a server, whose health wait allows 300 s on a
          // loaded runner (e2e/support/start-server.ts): the hook must outlast it.
          hookTimeout: 420_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
