import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'e2e',
    include: ['tests/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // One Chromium and one server at a time: the machine has two cores.
    fileParallelism: false,
  },
});
