import { defineProject } from 'vitest/config';

// Only the harness's pure helpers are unit-tested; the benchmark itself runs with `pnpm bench`.
export default defineProject({ test: { name: 'bench', include: ['lib/**/*.spec.ts'] } });
