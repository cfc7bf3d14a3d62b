import { defineConfig } from 'vitest/config';

// CI sums the counts of every run from these JSON reports (see .ci/run).
const report = process.env.RASD_TEST_REPORT;

export default defineConfig({
  test: {
    projects: ['shared', 'server', 'client', 'e2e'],
    ...(report ? { reporters: ['default', ['json', { outputFile: report }]] } : {}),
  },
});
