import type { Queryable } from '../db/database';
import { seqLock, seqsColumn, seqsOf } from '../repositories/incident.repository';
import { auditLock, auditReserveColumns, reservationOf, type AuditReservation, type AuditReserveRow } from './audit.service';

/**
 * Takes both write locks, held to commit, in the order every writer takes them (seqs, then the
 * audit chain). A statement after this one sees every change committed before it.
 */
export async function lockChanges(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${seqLock}), pg_advisory_xact_lock(${auditLock})`);
}

/** Seqs and audit ids reserved together, ascending, and the chain's head to link to. */
export interface Reserved {
  seqs: number[];
  audit: AuditReservation;
}

/** `count` seqs and audit ids, and the chain's head to link to; the caller holds both locks. */
export async function reserveChanges(tx: Queryable, count: number): Promise<Reserved> {
  const [row] = await tx.query<{ last_seq: unknown } & AuditReserveRow>(`SELECT ${seqsColumn('$1')}, ${auditReserveColumns('$1')}`, [count]);
  return { seqs: seqsOf(row!, count), audit: reservationOf(row!, count) };
}
