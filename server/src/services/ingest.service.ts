import type { Detection } from '@rasd/shared';
import { canonicalHash } from '../domain/canonical-hash';
import { createGroupCommit, type Settled } from './group-commit';
import type { BatchResult, IngestOutcome, Submitted } from './ingest-batch';
import type { Publisher } from './publisher';

export type { IngestOutcome } from './ingest-batch';

export interface IngestDeps {
  /** Stores a group commit's detections (ingest-procedures.ts: where the database is). */
  writeBatch: (items: readonly Submitted[]) => Promise<BatchResult>;
  publisher: Publisher;
  /** Called with the number of detections of each transaction written. */
  onBatch?: (size: number) => void;
}

/** Detections per transaction at most: bounds a batch's statement size and its latency. */
const maxBatch = 200;

/**
 * Takes alerts from cameras (and the simulator): store first, then publish. Detections arriving
 * together are written in one transaction (group commit: one seq block, one statement per table),
 * and published after it commits, in seq order.
 */
export function createIngestService({ writeBatch, publisher, onBatch }: IngestDeps) {
  async function ingestBatch(items: readonly Submitted[]): Promise<Settled<IngestOutcome>[]> {
    const { outcomes, commits } = await writeBatch(items);
    for (const { incidents, alerts } of commits) {
      onBatch?.(alerts.length);
      for (const incident of incidents) publisher.incidentChanged(incident);
      for (const alert of alerts) publisher.alertStored(alert);
    }
    return outcomes;
  }

  const commits = createGroupCommit(ingestBatch, maxBatch);

  return {
    ingestDetection(sender: string, detection: Detection): Promise<IngestOutcome> {
      return commits.submit({ sender, detection, bodyHash: canonicalHash(detection) });
    },
    /** Detections waiting for the next group commit. */
    get waiting(): number {
      return commits.waiting;
    },
  };
}
export type IngestService = ReturnType<typeof createIngestService>;
