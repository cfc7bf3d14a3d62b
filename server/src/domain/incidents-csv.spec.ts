import { describe, expect, it } from 'vitest';
import type { Incident } from '@rasd/shared';
import { incidentsToCsv, safeCell } from './incidents-csv';

describe('safeCell', () => {
  it('defuses cells a spreadsheet would evaluate, including full-width signs', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝HYPERLINK("x")', '＋1', '－1', '＠x']) expect(safeCell(v)).toBe(`'${v}`);
  });
  it('leaves ordinary text, Arabic and plates alone', () => {
    for (const v of ['ق ص ب ١٢٣٤', 'ring_road', '1234 لسنة 2026', 'a=b']) expect(safeCell(v)).toBe(v);
  });
});

describe('incidentsToCsv', () => {
  it('starts with a BOM and a header, quotes formulas defused, and uses CRLF', () => {
    const incident = {
      id: 'i1', seq: 1, kind: 'wrong_way', source: 'camera', severity: 'critical', status: 'new', corridorId: 'ring_road',
      location: { lat: 30, lon: 31 }, firstSeenAt: '2026-11-27T06:00:00.000Z', lastSeenAt: '2026-11-27T06:00:00.000Z', alertCount: 1,
      claimedBy: null, actions: [], plate: '=cmd|" /C calc"!A0', cameraId: null, speedKmh: null, verification: null, escalatedAt: null,
    } satisfies Incident;
    const csv = incidentsToCsv([incident]);
    expect(csv.startsWith('\uFEFFid,first_seen_at,')).toBe(true);
    const [, row] = csv.slice(1).trim().split('\r\n');
    expect(row).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(row).toContain('الطريق الدائري');
  });
});
