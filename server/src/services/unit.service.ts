import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Unit, UnitCreate, UnitReport, UnitStatus } from '@rasd/shared';
import { isUniqueViolation, type Database, type Queryable } from '../db/database';
import { withAssignment, withReport, withStatus } from '../domain/units/unit-status';
import { AppError } from '../errors';
import { incidentRepository } from '../repositories/incident.repository';
import { unitRepository as repo } from '../repositories/unit.repository';
import type { AuditService } from './audit.service';

/** Sends a stored unit change to dashboards (after commit). */
export type UnitPublisher = (unit: Unit) => void;
/** Closes the open channels of a unit's devices (after its key was replaced). */
export type UnitDisconnector = (unitId: string) => void;

class StaleUnit extends Error {}

export const hashUnitKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** The unit a device's key belongs to, or null. */
export const findUnitByKey = (db: Queryable, key: string) => repo.byKeyHash(db, hashUnitKey(key));

/** Patrol units: created by an administrator, moved and set by their devices, set by dispatchers by hand. */
export function createUnitService(db: Database, audit: AuditService, publish: UnitPublisher, disconnectDevices: UnitDisconnector) {
  /** Applies `change` to the stored unit under a new seq (compare-and-set, retried on a race), then publishes. */
  async function change(id: string, actor: string, change: (unit: Unit, now: string) => Unit | null, audited: boolean): Promise<Unit> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await repo.get(db, id);
      if (!current) throw new AppError('not_found', `unit '${id}' does not exist`);
      const now = new Date().toISOString();
      const next = change(current, now);
      if (!next) return current;
      try {
        const stored = await db.transaction(async (tx) => {
          const unit = { ...next, seq: await incidentRepository.nextSeq(tx) };
          if (!(await repo.updateIfUnchanged(tx, unit, current.seq))) throw new StaleUnit();
          if (audited && unit.status !== current.status) {
            await audit.append(tx, { at: now, actor, action: 'unit.status', incidentId: current.assignment?.incidentId ?? null, data: { unitId: id, callSign: unit.callSign, from: current.status, to: unit.status } });
          }
          return unit;
        });
        publish(stored);
        return stored;
      } catch (error) {
        if (!(error instanceof StaleUnit)) throw error;
      }
    }
    throw new AppError('unavailable', 'the unit is changing too fast; try again');
  }

  return {
    /** A new unit and its device key, shown once; only the key's hash is kept. */
    async create(by: string, input: UnitCreate, key = randomBytes(24).toString('base64url')): Promise<{ unit: Unit; key: string }> {
      const now = new Date().toISOString();
      try {
        const unit = await db.transaction(async (tx) => {
          const created: Unit = { id: randomUUID(), seq: await incidentRepository.nextSeq(tx), callSign: input.callSign, kind: input.kind, status: 'available', position: null, positionAt: null, assignment: null, updatedAt: now };
          await repo.insert(tx, created, hashUnitKey(key));
          await audit.append(tx, { at: now, actor: by, action: 'unit.created', incidentId: null, data: { unitId: created.id, callSign: created.callSign, kind: created.kind } });
          return created;
        });
        publish(unit);
        return { unit, key };
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('invalid_input', `call sign '${input.callSign}' is taken`, [{ path: 'callSign', message: 'taken' }]);
        throw error;
      }
    },

    /**
     * A new device key for a unit whose tablet was lost or whose key leaked, shown once: the old key
     * stops working at once (calls are checked against the stored hash) and the devices still on
     * the push channel with it are cut off.
     */
    async replaceKey(by: string, id: string, key = randomBytes(24).toString('base64url')): Promise<{ unit: Unit; key: string }> {
      const now = new Date().toISOString();
      const unit = await db.transaction(async (tx) => {
        const changed = await repo.setKeyHash(tx, id, hashUnitKey(key));
        if (!changed) throw new AppError('not_found', `unit '${id}' does not exist`);
        await audit.append(tx, { at: now, actor: by, action: 'unit.key_replaced', incidentId: null, data: { unitId: id, callSign: changed.callSign } });
        return changed;
      });
      disconnectDevices(unit.id);
      return { unit, key };
    },

    list: () => repo.list(db),
    byCallSign: (callSign: string) => repo.byCallSign(db, callSign),

    /** The unit a device key belongs to, or null. */
    authenticate: (key: string) => findUnitByKey(db, key),

    report: (unit: Unit, report: UnitReport) => change(unit.id, unit.callSign, (u, now) => withReport(u, report, now), report.status !== undefined),

    setStatus: (by: string, id: string, status: UnitStatus) => change(id, by, (u, now) => withStatus(u, status, now), true),

    /** Inside a dispatch's transaction: re-reads each unit and sends it, refusing one that is no longer available. */
    async assignInTx(tx: Queryable, unitIds: readonly string[], incidentId: string, by: string, seq: number, now: string): Promise<Unit[]> {
      const assigned: Unit[] = [];
      for (const id of unitIds) {
        const current = await repo.get(tx, id);
        if (!current) throw new AppError('invalid_input', `unit '${id}' does not exist`, [{ path: 'unitIds', message: `unknown unit ${id}` }]);
        const unit = { ...withAssignment(current, incidentId, by, now), seq };
        if (!(await repo.updateIfUnchanged(tx, unit, current.seq))) throw new AppError('unavailable', 'a unit changed meanwhile; try again');
        assigned.push(unit);
      }
      return assigned;
    },

    publish,
  };
}
export type UnitService = ReturnType<typeof createUnitService>;
