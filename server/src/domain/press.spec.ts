import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Incident, ShiftSummary } from '@rasd/shared';
import { AppError } from '../errors';
import { decidePress, pressExportText } from './press';
import { draftPressStatement, notableArrests } from './press-draft';
import type { IncidentRecord } from './shift-summary';
import { shiftContaining } from './shifts';

const shift = shiftContaining(new Date('2026-11-27T10:00:00Z'));
const amr = { userId: 'u1', username: 'amr' };
const now = '2026-11-27T13:00:00.000Z';

function code(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

describe('decidePress', () => {
  it('saves, approves, exports; an edit after approval withdraws it', () => {
    const saved = decidePress(shift, null, { type: 'save', ar: 'نص', en: 'text' }, amr, now);
    expect(saved.record).toMatchObject({ status: 'draft', ar: 'نص', en: 'text', updatedBy: amr });
    expect(code(() => decidePress(shift, saved.record, { type: 'export', lang: 'both' }, amr, now))).toBe('invalid_transition');
    const approved = decidePress(shift, saved.record, { type: 'approve' }, amr, now);
    expect(approved.record).toMatchObject({ status: 'approved', approvedBy: amr, approvedAt: now });
    expect(approved.audit.data['textHash']).toEqual(expect.any(String));
    expect(code(() => decidePress(shift, approved.record, { type: 'approve' }, amr, now))).toBe('invalid_transition');
    const exported = decidePress(shift, approved.record, { type: 'export', lang: 'ar' }, amr, now);
    expect(exported.audit).toMatchObject({ action: 'shift.press_exported', data: { lang: 'ar', textHash: approved.audit.data['textHash'] } });

    const same = decidePress(shift, approved.record, { type: 'save', ar: 'نص', en: 'text' }, amr, now);
    expect(same.record.status).toBe('approved');
    const edited = decidePress(shift, approved.record, { type: 'save', ar: 'نص معدل', en: 'text' }, amr, now);
    expect(edited.record).toMatchObject({ status: 'draft', approvedBy: null });
    expect(edited.audit.data['approvalWithdrawn']).toBe(true);
  });

  it('refuses to approve or export a statement that was never saved', () => {
    expect(code(() => decidePress(shift, null, { type: 'approve' }, amr, now))).toBe('invalid_transition');
    expect(code(() => decidePress(shift, null, { type: 'export', lang: 'en' }, amr, now))).toBe('invalid_transition');
  });

  it('exports Arabic first, then English, with who approved it', () => {
    const record = { status: 'approved' as const, ar: 'عربي', en: 'English', updatedBy: amr, updatedAt: now, approvedBy: amr, approvedAt: now };
    const text = pressExportText(record, 'both');
    expect(text.indexOf('عربي')).toBeLessThan(text.indexOf('English'));
    expect(text).toContain('approved: amr');
    expect(pressExportText(record, 'en')).not.toContain('عربي');
  });
});

function rec(kind: Incident['kind'], actions: [string, string, string?][], corridorId = 'ring_road'): IncidentRecord {
  const incident = {
    id: kind + actions.length, seq: 1, kind, source: 'camera', severity: 'critical', status: 'actioned', corridorId,
    location: { lat: 30, lon: 31 }, firstSeenAt: '2026-11-27T07:00:00.000Z', lastSeenAt: '2026-11-27T07:00:00.000Z', alertCount: 1,
    claimedBy: null, plate: 'ق ص ب ١٢٣٤', cameraId: null, speedKmh: null, verification: null, escalatedAt: null,
    actions: actions.map(([type, at, corrects], i) => ({ id: `a${i}`, type, plate: 'ق ص ب ١٢٣٤', caseNumber: '12 لسنة 2026', notes: 'أحمد محمد', corrects: corrects ?? null, by: amr, at })),
  } as Incident;
  return { incident, history: [] as HistoryEntry[] };
}

describe('notable arrests and the draft statement', () => {
  const records = [
    rec('speeding', [['arrest', '2026-11-27T08:00:00.000Z']]),
    rec('wrong_way', [['arrest', '2026-11-27T09:30:00.000Z']], 'autostrad'),
    rec('reckless', [['arrest', '2026-11-27T05:00:00.000Z']]),
    rec('racing', [['arrest', '2026-11-27T09:00:00.000Z'], ['citation', '2026-11-27T09:10:00.000Z', 'a0']]),
  ];

  it('lists arrests in the shift, most dangerous first, leaving out corrected ones and earlier shifts', () => {
    expect(notableArrests(shift, records)).toEqual([
      { kind: 'wrong_way', corridorId: 'autostrad', at: '2026-11-27T09:30:00.000Z' },
      { kind: 'speeding', corridorId: 'ring_road', at: '2026-11-27T08:00:00.000Z' },
    ]);
  });

  it('drafts both languages from counts and arrests without plates, case numbers or names', () => {
    const summary = {
      shift,
      counts: { total: 4, byKind: { wrong_way: 3, speeding: 1 }, bySource: {}, byStatus: {}, byCorridor: {}, byHour: {} },
      responseTimes: { alertToClaimMs: { p50: null, p90: null, n: 0 }, claimToActionMs: { p50: null, p90: null, n: 0 }, verificationMs: { p50: null, p90: null, n: 0 } },
      actions: { byType: { arrest: 2, no_action: 1 }, byTrack: {} },
      handover: { openIncidents: [] },
    } satisfies ShiftSummary;
    const { ar, en } = draftPressStatement(summary, notableArrests(shift, records));
    expect(ar).toContain('٤ وقائع');
    expect(ar).toContain('سير عكس الاتجاه (٣)، وسرعة زائدة (١)');
    expect(ar).toContain('واتُّخذ إجراءان قانونيان: ضبط فوري: ٢.');
    expect(ar).toContain('ضبط قائد مركبة (سير عكس الاتجاه) على طريق');
    expect(ar).toContain('١١:٣٠');
    expect(en).toContain('recorded 4 incidents');
    expect(en).toContain('2 legal actions were taken: Immediate arrest: 2.');
    expect(en).toContain('arrested for wrong-way on');
    expect(en).toContain('at 11:30');
    for (const text of [ar, en]) {
      expect(text).not.toMatch(/ق ص ب|١٢٣٤|لسنة|أحمد/);
    }
  });
});
