import { afterAll, beforeAll } from 'vitest';
import { clusterUsers, startInstance, type Instance } from './cluster';
import { holdMachineLock } from './machine-lock';
import { createSchema, dropLeftovers, restoreServices, type Schema } from './services';

export interface Cluster {
  schema: Schema;
  a: Instance;
  b: Instance;
  /** Starts another instance on the same schema and Redis prefix; stopped with the others. */
  start(name: string): Promise<Instance>;
  /** Runs at teardown, last registered first, before the instances stop. */
  onTeardown(cleanup: () => unknown): void;
}

/**
 * Two real instances on a fresh schema of the machine's PostgreSQL and its Redis, for the tests of
 * one file. Teardown always starts PostgreSQL and Redis again, whatever a test did or how it failed.
 */
export function useCluster(env: Record<string, string> = {}): Cluster {
  let release: (() => Promise<void>) | undefined;
  const instances: Instance[] = [];
  const cleanups: (() => unknown)[] = [];
  const cluster = {
    async start(name: string) {
      const instance = await startInstance(name, cluster.schema, env);
      instances.push(instance);
      return instance;
    },
    onTeardown: (cleanup: () => unknown) => void cleanups.push(cleanup),
  } as Cluster;

  beforeAll(async () => {
    release = await holdMachineLock();
    await restoreServices();
    await dropLeftovers();
    cluster.schema = await createSchema();
    // Users are bootstrapped once: the instances share the database.
    [cluster.a, cluster.b] = await Promise.all([startInstance('a', cluster.schema, { RASD_USERS: clusterUsers, ...env }), startInstance('b', cluster.schema, env)]);
    instances.push(cluster.a, cluster.b);
  });
  afterAll(async () => {
    try {
      for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
    } finally {
      await restoreServices();
      await Promise.all(instances.map((i) => i.stop()));
      await cluster.schema?.drop();
      await release?.();
    }
  });
  return cluster;
}
