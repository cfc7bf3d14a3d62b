import type { Unit } from '@rasd/shared';
import type { Queryable } from '../db/database';

interface Row {
  id: string;
  seq: number | string;
  doc: Omit<Unit, 'id' | 'seq'>;
}

const toUnit = (r: Row): Unit => ({ ...r.doc, id: r.id, seq: Number(r.seq) });
const docOf = ({ id: _id, seq: _seq, ...doc }: Unit) => JSON.stringify(doc);

/** Patrol units. Writes happen in a transaction that took a seq (incidentRepository.nextSeq). */
export const unitRepository = {
  async insert(tx: Queryable, unit: Unit, keyHash: string): Promise<void> {
    await tx.query('INSERT INTO units (id, seq, call_sign, key_hash, doc) VALUES ($1, $2, $3, $4, $5)', [unit.id, unit.seq, unit.callSign, keyHash, docOf(unit)]);
  },

  /** Writes a changed unit only if nobody changed it since it was read (compare-and-set on seq). */
  async updateIfUnchanged(tx: Queryable, unit: Unit, readSeq: number): Promise<boolean> {
    const rows = await tx.query('UPDATE units SET seq = $2, doc = $3 WHERE id = $1 AND seq = $4 RETURNING id', [unit.id, unit.seq, docOf(unit), readSeq]);
    return rows.length === 1;
  },

  /** Gives the unit a new device key (its hash); null when there is no such unit. */
  async setKeyHash(tx: Queryable, id: string, keyHash: string): Promise<Unit | null> {
    const [row] = await tx.query<Row>('UPDATE units SET key_hash = $2 WHERE id = $1 RETURNING id, seq, doc', [id, keyHash]);
    return row ? toUnit(row) : null;
  },

  async get(q: Queryable, id: string): Promise<Unit | null> {
    const [row] = await q.query<Row>('SELECT id, seq, doc FROM units WHERE id = $1', [id]);
    return row ? toUnit(row) : null;
  },

  async byKeyHash(q: Queryable, keyHash: string): Promise<Unit | null> {
    const [row] = await q.query<Row>('SELECT id, seq, doc FROM units WHERE key_hash = $1', [keyHash]);
    return row ? toUnit(row) : null;
  },

  async byCallSign(q: Queryable, callSign: string): Promise<Unit | null> {
    const [row] = await q.query<Row>('SELECT id, seq, doc FROM units WHERE call_sign = $1', [callSign]);
    return row ? toUnit(row) : null;
  },

  async list(q: Queryable): Promise<Unit[]> {
    return (await q.query<Row>('SELECT id, seq, doc FROM units ORDER BY call_sign')).map(toUnit);
  },

  async many(q: Queryable, ids: readonly string[]): Promise<Unit[]> {
    return (await q.query<Row>('SELECT id, seq, doc FROM units WHERE id = ANY($1)', [ids])).map(toUnit);
  },
};
