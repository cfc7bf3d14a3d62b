import { describe, expect, it } from 'vitest';
import { corridorIds, corridors } from '@rasd/shared';
import { locate } from './gazetteer';
import { distanceKm, nearestOnLine } from './geo';
import { corridorNames, landmarks } from './places';

const lineOf = (id: string) => corridors.features.find((f) => f.properties.id === id)!.geometry.coordinates;
const inGreaterCairo = (p: { lat: number; lon: number }) => p.lat > 29.7 && p.lat < 30.4 && p.lon > 30.7 && p.lon < 31.9;

describe('locate', () => {
  it('puts "الدائري عند المعادي" on the Ring Road where it passes Maadi', () => {
    const r = locate('عربية عكس على الدائري عند المعادي');
    expect(r.corridorId).toBe('ring_road');
    expect(nearestOnLine(lineOf('ring_road'), r.location!).km).toBeLessThan(0.1);
    expect(distanceKm(r.location!, { lat: 29.96, lon: 31.257 })).toBeLessThan(5);
  });

  it('finds every corridor by its Arabic name', () => {
    for (const f of corridors.features) expect(locate(f.properties.name_ar).corridorId, f.properties.id).toBe(f.properties.id);
  });

  it.each([
    ['كوبري أكتوبر', 'kobri_6_october'],
    ['كوبرى ٦ اكتوبر', 'kobri_6_october'],
    ['نزلة أكتوبر عند رمسيس', 'kobri_6_october'],
    ['6th of October bridge', 'kobri_6_october'],
    ['عربية عكس في مدينة 6 أكتوبر', null],
    ['محور ٢٦ يوليو', 'mehwar_26_july'],
    ['الدائري الإقليمي', 'regional_ring_road'],
    ['الطريق الدائري الأوسطي', null],
    ['طريق السويس الصحراوي', 'cairo_suez_road'],
    ['طريق مصر الإسماعيلية الصحراوي', 'cairo_ismailia_desert_road'],
    ['الطريق الصحراوي الغربي', null],
    ['كورنيش الإسكندرية', null],
    ['3al da2ery', 'ring_road'],
    ['كارفور المعادي', 'ring_road'],
    ['مول العرب', 'mehwar_26_july'],
  ])('%s → %s', (text, corridorId) => {
    expect(locate(text, true).corridorId).toBe(corridorId);
  });

  it('reads "المحور" alone as the 26 July axis, but only in a post about traffic', () => {
    expect(locate('سباق على المحور', true).corridorId).toBe('mehwar_26_july');
    expect(locate('المحور الاقتصادي للدولة').corridorId).toBe(null);
  });

  it('does not read another named axis as the 26 July axis', () => {
    expect(locate('محور صفط اللبن', true)).toMatchObject({ corridorId: null, locationFrom: 'landmark' });
    expect(locate('محور ياسر رزق', true)).toMatchObject({ corridorId: null, location: null });
    expect(locate('محور الشهيد', true).corridorId).toBe('mehwar_el_shahid');
  });

  it('tells 6th of October city from the bridge and from the date', () => {
    const city = locate('في 6 أكتوبر', true);
    expect(city.corridorId).toBe(null);
    expect(distanceKm(city.location!, { lat: 29.94, lon: 30.92 })).toBeLessThan(1);
    expect(locate('كل سنة وانتم طيبين بمناسبة 6 أكتوبر').location).toBe(null);
  });

  it('locates the landmarks people name', () => {
    for (const name of ['المنيب', 'كارفور المعادي', 'الموسكي', 'ميدان التحرير', 'رمسيس', 'العباسية', 'مدينة نصر', 'صلاح سالم', 'القطامية', 'التجمع الخامس', 'الشيخ زايد', 'الهرم']) {
      const r = locate(`حادثة عند ${name}`, true);
      expect(r.location, name).not.toBeNull();
      expect(inGreaterCairo(r.location!), name).toBe(true);
    }
  });

  it('gives a corridor alone a location only when the corridor is short', () => {
    expect(locate('صلاح سالم')).toMatchObject({ corridorId: 'salah_salem', locationFrom: 'corridor' });
    expect(locate('الدائري')).toMatchObject({ corridorId: 'ring_road', location: null, locationFrom: null });
  });

  it('ignores weak names outside a traffic post', () => {
    expect(locate('رئيس التحرير قدم استقالته').location).toBe(null);
    expect(locate('زحمة عند التحرير', true).location).not.toBeNull();
  });
});

describe('gazetteer data', () => {
  it('names only corridors that exist', () => {
    for (const id of Object.keys(corridorNames)) expect(corridorIds).toContain(id);
    for (const l of landmarks) if (l.corridorId) expect(corridorIds).toContain(l.corridorId);
  });

  it('places every landmark in Greater Cairo, and a corridor landmark on its corridor', () => {
    for (const l of landmarks) {
      expect(inGreaterCairo(l), l.strong[0]).toBe(true);
      if (l.corridorId) expect(nearestOnLine(lineOf(l.corridorId), l).km, l.strong[0]).toBeLessThan(2.5);
    }
  });
});
