import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { createTestStore, type TestStore } from './harness';

let store: TestStore;
let db: Database;

beforeAll(async () => {
  store = await createTestStore();
  db = await store.open();
  await migrate(db);
});
afterAll(async () => {
  await db.close();
  await store.destroy();
});

// The bodies of migration 006's LANGUAGE sql functions, inline: the PL/pgSQL versions (008) must give the same values.
const plateKeyOf = (arg: string) =>
  `translate(regexp_replace(${arg}, '[\\u064B-\\u065F\\u0640[:space:]_|.-]', '', 'g'), '0123456789۰۱۲۳۴۵۶۷۸۹إآايةھ', '٠١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩أأأىهه')`;

describe('the functions behind the incident search indexes', () => {
  it('give the values of their original SQL bodies', async () => {
    const plates = ['ق ص ب ١٢٣٤', 'قصب-1234', 'ن ل ١', 'ـقـصـب_۱۲۳|4.', 'إآاي ة ھ', 'بَ سُ ٥', '', '=HYPERLINK("evil")', null];
    for (const plate of plates) {
      const [row] = await db.query<{ same: boolean; key: string | null }>(
        `SELECT rasd_plate_key($1::text) IS NOT DISTINCT FROM ${plateKeyOf('$1::text')} AS same, rasd_plate_key($1::text) AS key`,
        [plate],
      );
      expect(row, String(plate)).toMatchObject({ same: true });
    }
    const [western] = await db.query<{ key: string }>('SELECT rasd_plate_key($1) AS key', ['قصب-1234']);
    expect(western!.key).toBe('قصب١٢٣٤');
    for (const at of ['2026-03-01T08:00:00Z', '2026-03-01T10:00:00.123+02:00', '2026-10-30T23:59:59-05:00', null]) {
      const [row] = await db.query<{ same: boolean }>('SELECT rasd_ts($1::text) IS NOT DISTINCT FROM $1::text::timestamptz AS same', [at]);
      expect(row, String(at)).toMatchObject({ same: true });
    }
  });

  it('still back the indexes the history search uses', async () => {
    const plans = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const plan = async (sql: string) => (await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).map((r) => r['QUERY PLAN']).join('\n');
      return {
        plate: await plan(`SELECT id FROM incidents WHERE rasd_plate_key(doc->>'plate') = 'قصب١٢٣٤'`),
        firstSeen: await plan(`SELECT id FROM incidents WHERE rasd_ts(doc->>'firstSeenAt') >= '2026-03-01T00:00:00Z'`),
        corridor: await plan(`SELECT id FROM incidents WHERE doc->>'corridorId' = 'ring-road' AND rasd_ts(doc->>'firstSeenAt') >= '2026-03-01T00:00:00Z'`),
      };
    });
    expect(plans.plate).toContain('incidents_plate_key_idx');
    expect(plans.firstSeen).toMatch(/incidents_(first_seen|corridor)_idx/);
    expect(plans.corridor).toContain('incidents_corridor_idx');
  });
});
