import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Unit } from '@rasd/shared';
import { useStore } from '../../store';
import { jsonResponse, mockFetch } from '../../test/fetch-mock';
import { render, type Rendered } from '../../test/render';
import { typeInto } from '../../test/type';
import { UnitsPanel } from './UnitsPanel';

let view: Rendered | undefined;
const unit: Unit = {
  id: 'u-101',
  seq: 7,
  callSign: 'P-101',
  kind: 'car',
  status: 'available',
  position: { lat: 30.05, lon: 31.24 },
  positionAt: '2026-12-04T09:00:00.000Z',
  assignment: null,
  updatedAt: '2026-12-04T09:00:00.000Z',
};

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
  useStore.getState().setUser({ id: 'a1', username: 'root', role: 'admin' });
});
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

const $ = (selector: string) => view!.container.querySelector<HTMLElement>(selector);
const byId = (id: string) => $(`[data-testid="${id}"]`);
const click = (el: HTMLElement | null) => act(async () => el!.click());
const submit = () => act(async () => (byId('unit-create-form') as HTMLFormElement).requestSubmit());

async function open(routes: Parameters<typeof mockFetch>[0] = {}, units: Unit[] = [unit]) {
  const fetch = mockFetch({ 'GET /api/v1/units': () => jsonResponse(200, { units }), ...routes });
  view = await render(<UnitsPanel />);
  await act(async () => {});
  return fetch;
}
const posts = (fetch: Awaited<ReturnType<typeof open>>) => fetch.mock.calls.filter((c) => c[1]?.method === 'POST');

describe('UnitsPanel', () => {
  it('lists the units, says when there are none, and checks a call sign before sending', async () => {
    await open();
    const row = $('[data-testid="admin-unit-row"]')!;
    expect(row.dataset.callSign).toBe('P-101');
    expect(row.textContent).toContain('سيارة دورية');
    view!.unmount();
    const fetch = await open({}, []);
    expect(byId('units-empty')!.textContent).toBe('لا توجد دوريات بعد');
    typeInto($('input[name="callSign"]'), '-');
    await submit();
    expect(byId('field-error-callSign')!.textContent).toBe('حروف وأرقام ومسافات و - فقط، من ٢ إلى ٣٢ حرفًا');
    expect(posts(fetch)).toHaveLength(0);
  });

  it('adds a unit and shows its tablet key once; a taken call sign is said under the field', async () => {
    const created = { ...unit, id: 'u-202', callSign: 'M-202', kind: 'motorcycle' as const, positionAt: null, position: null };
    let taken = false;
    const fetch = await open({
      'POST /api/v1/units': () =>
        taken
          ? jsonResponse(400, { error: { code: 'invalid_input', message: "call sign 'M-202' is taken", details: [{ path: 'callSign', message: 'taken' }] } })
          : jsonResponse(201, { unit: created, key: 'tablet-key-1' }),
    });
    typeInto($('input[name="callSign"]'), ' M-202 ');
    await act(async () => {
      const select = $('select[name="kind"]') as HTMLSelectElement;
      select.value = 'motorcycle';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await submit();
    expect(JSON.parse(String(posts(fetch)[0]![1]!.body))).toEqual({ callSign: 'M-202', kind: 'motorcycle' });
    expect(byId('unit-secret')!.textContent).toBe('tablet-key-1');
    expect(byId('unit-secret-notice')!.textContent).toContain('M-202');
    expect(document.activeElement?.id).toBe('unit-secret-title');
    await click(byId('unit-secret-dismiss'));
    expect(view!.container.textContent).not.toContain('tablet-key-1');

    taken = true;
    typeInto($('input[name="callSign"]'), 'M-202');
    await submit();
    expect(byId('field-error-callSign')!.textContent).toBe('رمز النداء هذا مستخدم بالفعل');
  });

  it('replaces a key only after asking, and shows the new key', async () => {
    const fetch = await open({ 'POST /api/v1/units/u-101/key': () => jsonResponse(200, { unit, key: 'replacement-key' }) });
    await click(byId('unit-replace-key'));
    expect(posts(fetch)).toHaveLength(0);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('unit-replace-key-cancel');
    await click(byId('unit-replace-key-confirm'));
    expect(posts(fetch)).toHaveLength(1);
    expect(byId('unit-secret')!.textContent).toBe('replacement-key');
    expect(byId('units-notice')!.textContent).toBe('استُبدل مفتاح P-101، ولم يعد المفتاح القديم يعمل');
  });

  it('says when the unit is gone, and shows no key', async () => {
    await open({ 'POST /api/v1/units/u-101/key': () => jsonResponse(404, { error: { code: 'not_found', message: 'no unit' } }) });
    await click(byId('unit-replace-key'));
    await click(byId('unit-replace-key-confirm'));
    expect(byId('units-notice')!.dataset.kind).toBe('error');
    expect(byId('unit-secret-notice')).toBeNull();
  });
});
