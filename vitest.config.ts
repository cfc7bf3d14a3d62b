import { defineConfig } from 'vitest/config';

// CI sums the counts of every run from these JSON reports (see .ci/run).
const report = process.env.RASD_TEST_REPORT;

export default defineConfig({
  test: {
    // server/fault stops and restarts PostgreSQL and Redis: it runs last, alone (see its config).
    projects: ['shared', 'server', 'client', 'e2e', 'bench', 'server/fault'],
    ...(report ? { reporters: ['default', ['json', { outputFile: report }]] } : {}),
  },
});
