import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two tiers (README "Development"), one config:
 * - `unit` (`npm run test:unit`): unit and property tests, no outside program; about two minutes of
 *   CPU, run on every core (vitest's default leaves one of two cores idle) and without per-file
 *   isolation (each worker loads the modules once, not once per file: the test files share module
 *   state, such as the caches, so a test must not depend on a fresh module).
 * - `tools` (`npm run test:tools`): the tests that drive real programs (KiCad 9, FreeCAD, Chromium,
 *   `npm pack` and a global install), the server's load test, all in test/tools/, and the full-size
 *   runs: A4S_PROPERTY_RUNS=1000000 (the part-number reader over one million strings),
 *   A4S_SLOW_LIBRARY_RUNS=60 (the never-throws property of the whole-library functions), and
 *   `a4s decode -` over a million lines.
 * `npm test` runs both, one after the other; `npx vitest run <file>` runs a file in whichever tier holds it.
 */
const TOOLS = 'test/tools/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, TOOLS],
          maxWorkers: availableParallelism(),
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'tools', include: [TOOLS], env: { A4S_PROPERTY_RUNS: '1000000', A4S_SLOW_LIBRARY_RUNS: '60' } },
      },
    ],
  },
});
