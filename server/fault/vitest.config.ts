import { defineProject } from 'vitest/config';

/**
 * Fault tests: real instances as child processes, two on the machine's PostgreSQL and Redis (which
 * the tests stop and restart) or one on its embedded database. They run after every other project
 * (groupOrder), one file at a time, so nothing else is using those services while they are down.
 */
export default defineProject({
  test: {
    name: 'fault',
    include: ['**/*.fault.ts'],
    // A safety net for a loaded machine, not a budget: on an idle 2-core machine each test takes seconds to ~30 s.
    testTimeout: 240_000,
    // beforeAll may wait for another run on this machine to release the fault-test lock (support/machine-lock.ts).
    hookTimeout: 660_000,
    fileParallelism: false,
    sequence: { groupOrder: 1 },
  },
});
