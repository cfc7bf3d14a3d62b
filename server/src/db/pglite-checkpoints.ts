import type { Database } from './database';

/**
 * When the embedded database checkpoints. PGlite runs PostgreSQL as one process, without the
 * checkpointer that would otherwise write dirty pages out and let old WAL go: left alone it only
 * checkpoints on close, so a server that runs for weeks keeps every byte of WAL it ever wrote
 * (~3.7 KB per detection: gigabytes a day under a steady stream) and replays all of it after a crash.
 */
export interface CheckpointPolicy {
  /** How often to look at the WAL written since the last checkpoint. */
  checkEveryMs: number;
  /** Checkpoint once a crash would leave this much WAL to replay. */
  maxWalBytes: number;
  /** Checkpoint once the last one is this old and anything was written since. */
  maxAgeMs: number;
}

/**
 * PostgreSQL's checkpoint_timeout (5 min), with a far smaller WAL budget than its max_wal_size: a
 * checkpoint here is not spread over time by a process of its own but holds the database's thread,
 * ~2 ms plus ~1 ms per MB of WAL, so small ones often keep each pause short.
 */
export const defaultCheckpointPolicy: CheckpointPolicy = { checkEveryMs: 1_000, maxWalBytes: 8 * 2 ** 20, maxAgeMs: 5 * 60_000 };

/** Where the WAL stands against the last checkpoint. */
export interface WalState {
  /** WAL a crash now would replay (from the last checkpoint's redo point). */
  replayBytes: number;
  /** WAL written after the last checkpoint's own record: an idle database writes none. */
  writtenSinceBytes: number;
  ageMs: number;
}

/** A checkpoint's own record is ~120 bytes: anything beyond this was written after it. */
const idleWalBytes = 1024;

export function checkpointDue({ replayBytes, writtenSinceBytes, ageMs }: WalState, policy: CheckpointPolicy): boolean {
  if (writtenSinceBytes <= idleWalBytes) return false;
  return replayBytes >= policy.maxWalBytes || ageMs >= policy.maxAgeMs;
}

export type CheckpointEvent = { replayBytes: number; ms: number } | { error: Error };

const walStateSql = `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::float8 AS replay_bytes,
  pg_wal_lsn_diff(pg_current_wal_lsn(), checkpoint_lsn)::float8 AS written_since_bytes,
  (extract(epoch FROM clock_timestamp() - checkpoint_time) * 1000)::float8 AS age_ms
FROM pg_control_checkpoint()`;

/**
 * Looks at the WAL every `checkEveryMs` and checkpoints when due. Both statements queue behind
 * whatever the database is doing (never inside a transaction); the checkpoint holds the database's
 * thread while it writes, not the server's. Returns a stop function.
 */
export function startCheckpoints(db: Database, policy: CheckpointPolicy, report: (event: CheckpointEvent) => void = () => undefined): () => void {
  let running = false;
  let stopped = false;
  async function check() {
    running = true;
    try {
      const [row] = await db.query<{ replay_bytes: number; written_since_bytes: number; age_ms: number }>(walStateSql);
      const state = { replayBytes: row!.replay_bytes, writtenSinceBytes: row!.written_since_bytes, ageMs: row!.age_ms };
      if (stopped || !checkpointDue(state, policy)) return;
      const started = performance.now();
      await db.exec('CHECKPOINT');
      report({ replayBytes: state.replayBytes, ms: performance.now() - started });
    } catch (error) {
      // Closing the database under a check in flight is no failure.
      if (!stopped) report({ error: error instanceof Error ? error : new Error(String(error)) });
    } finally {
      running = false;
    }
  }
  const timer = setInterval(() => void (running || check()), policy.checkEveryMs);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
