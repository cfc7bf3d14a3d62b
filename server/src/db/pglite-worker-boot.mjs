// The embedded database's thread starts here, in JavaScript: a worker thread does not inherit the
// TypeScript loader of the thread that started it (a server run with `--import tsx`, or a test).
import { register } from 'tsx/esm/api';

register();
await import('./pglite-worker.ts');
