/** Second process of the latency benchmark: C dashboard connections (see lib/clients.ts). */
import { ClientPool, type ConnectPlan } from '../lib/clients';
import { serveRpc } from '../lib/ipc';

const pool = new ClientPool();

serveRpc({
  connect: (plan: ConnectPlan) => pool.connect(plan),
  reset: () => pool.reset(),
  stats: () => pool.stats(),
  counts: () => pool.counts(),
  close: () => pool.close(),
});
