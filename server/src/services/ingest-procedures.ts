import type { ErrorDetail } from '@rasd/shared';
import type { Database } from '../db/database';
import { errorFields, errorOf, type PgliteProcedures } from '../db/pglite-protocol';
import { createCorridorLocator } from '../domain/corridor-locator';
import { roadGeography } from '../domain/road-geography';
import { AppError } from '../errors';
import { corridors } from '@rasd/shared';
import type { Settled } from './group-commit';
import { createIngestBatches, type BatchResult, type IngestOutcome, type Submitted } from './ingest-batch';
import { createTrackFolder } from './track-fold.service';

/** This module, for the embedded database's thread to load (PgliteOptions.procedures). */
export const ingestProcedures = new URL(import.meta.url);

/** An outcome as it crosses threads: an error as its contract fields, or as the database's. */
type WireSettled =
  | { ok: true; value: IngestOutcome }
  | { ok: false; app: { code: AppError['code']; message: string; details?: ErrorDetail[]; retryAfterS?: number } }
  | { ok: false; fields: Record<string, unknown> };
type WireResult = Omit<BatchResult, 'outcomes'> & { outcomes: WireSettled[] };

function toWire(outcome: Settled<IngestOutcome>): WireSettled {
  if (outcome.ok) return outcome;
  const { error } = outcome;
  if (error instanceof AppError) return { ok: false, app: { code: error.code, message: error.message, details: error.details, retryAfterS: error.retryAfterS } };
  return { ok: false, fields: errorFields(error) };
}

function fromWire(outcome: WireSettled): Settled<IngestOutcome> {
  if (outcome.ok) return outcome;
  if ('app' in outcome) {
    const { code, message, details, retryAfterS } = outcome.app;
    return { ok: false, error: new AppError(code, message, details, retryAfterS) };
  }
  return { ok: false, error: errorOf(outcome.fields) };
}

/** The bundled corridors and cameras (the same data in every thread). */
const bundledBatches = () => createIngestBatches({ locateCorridor: createCorridorLocator(corridors.features), tracks: createTrackFolder(roadGeography().registry) });

let inThread: ReturnType<typeof createIngestBatches> | undefined;

/** What the embedded database's thread runs for `call`. */
export const procedures = {
  async ingestBatch(db: Database, items: readonly Submitted[]): Promise<WireResult> {
    inThread ??= bundledBatches();
    const { outcomes, commits } = await inThread(db, items);
    return { outcomes: outcomes.map(toWire), commits };
  },
} satisfies PgliteProcedures;

/**
 * Where a group commit is written. On the embedded database, inside its thread: the transaction's
 * statements need no hand-off between threads, so a batch costs one there and back (~0.1–0.3 ms of
 * waking each thread on these machines, bench/README.md) instead of two. On PostgreSQL, here.
 */
export function ingestBatchWriter(db: Database): (items: readonly Submitted[]) => Promise<BatchResult> {
  if (db.call) {
    const call = db.call.bind(db);
    return async (items) => {
      const { outcomes, commits } = await call<WireResult>('ingestBatch', items);
      return { outcomes: outcomes.map(fromWire), commits };
    };
  }
  const write = bundledBatches();
  return (items) => write(db, items);
}
