/** Third process of the latency benchmark: the fixed-schedule producer (see lib/producer.ts). */
import { serveRpc } from '../lib/ipc';
import { abortProducer, runProducer, type ProducerPlan } from '../lib/producer';

serveRpc({
  run: (plan: ProducerPlan) => runProducer(plan),
  abort: () => abortProducer(),
});
