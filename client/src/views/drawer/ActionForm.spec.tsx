import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useStore } from '../../store';
import { jsonResponse, mockFetch } from '../../test/fetch-mock';
import { makeIncident } from '../../test/fixtures';
import { render, type Rendered } from '../../test/render';
import { IncidentDrawer } from './IncidentDrawer';

let view: Rendered | undefined;
const $ = (selector: string) => view!.container.querySelector<HTMLElement>(selector);
const mine = makeIncident({ status: 'claimed', claimedBy: { userId: 'u1', username: 'officer1', at: '2026-11-22T18:01:00Z' }, plate: null });

beforeEach(() => useStore.setState(useStore.getInitialState(), true));
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

/** Types into a field the way a user does, so React's onChange runs. */
function type(selector: string, value: string) {
  const field = $(selector) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  const proto = Object.getPrototypeOf(field) as object;
  act(() => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(field, value);
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

async function openForm(incident = mine, post: (body: unknown) => Response = () => jsonResponse(201, incident)) {
  useStore.getState().setUser({ id: 'u1', username: 'officer1', role: 'officer' });
  useStore.getState().upsertIncident(incident);
  const fetchMock = mockFetch({
    [`GET /api/v1/incidents/${incident.id}`]: () => jsonResponse(200, { ...incident, alerts: [], history: [] }),
    [`POST /api/v1/incidents/${incident.id}/actions`]: (init) => post(JSON.parse(String(init?.body))),
  });
  useStore.getState().openIncident(incident.id);
  view = await render(<IncidentDrawer />);
  await act(async () => $('[data-testid="action-open"]')!.click());
  return fetchMock;
}

describe('ActionForm', () => {
  it('is offered to the holder only', async () => {
    useStore.getState().setUser({ id: 'u9', username: 'other', role: 'officer' });
    useStore.getState().upsertIncident(mine);
    mockFetch({});
    useStore.getState().openIncident(mine.id);
    view = await render(<IncidentDrawer />);
    expect($('[data-testid="action-open"]')).toBeNull();
  });

  it('proposes the camera track first and shows the plate canonical form while typing', async () => {
    await openForm();
    const options = Array.from(view!.container.querySelectorAll<HTMLOptionElement>('select[name="type"] option')).map((o) => o.value);
    expect(options[0]).toBe('arrest');
    type('input[name="plate"]', 'قصب1234');
    expect($('[data-testid="plate-canonical"]')?.textContent).toContain('ق ص ب ١٢٣٤');
    type('input[name="plate"]', 'ABC');
    expect($('[data-testid="plate-error"]')).not.toBeNull();
  });

  it('asks for the case number of a prosecution referral and shows the statute as guidance', async () => {
    await openForm();
    type('select[name="type"]', 'prosecution_referral');
    expect($('input[name="plate"]')).toBeNull();
    expect($('input[name="caseNumber"]')).not.toBeNull();
    expect($('[data-testid="statute"]')?.textContent).toContain('القانون 66 لسنة 1973: المادتان 80 و81');
    expect($('[data-testid="statute"]')?.textContent).toContain('قيد المراجعة القانونية');
    act(() => useStore.getState().setLanguage('en'));
    expect($('[data-testid="statute"]')?.textContent).toContain('Law 66/1973 Arts 80, 81');
    await act(async () => $('[data-testid="action-submit"]')!.click());
    expect($('[data-testid="caseNumber-error"]')?.textContent).toBe('هذا الحقل مطلوب لهذا الإجراء');
  });

  it('sends the canonical plate and closes on success', async () => {
    const sent: unknown[] = [];
    await openForm(mine, (body) => {
      sent.push(body);
      return jsonResponse(201, { ...mine, seq: 9, status: 'actioned', actions: [{ id: 'a1', type: 'arrest', plate: 'ق ص ب ١٢٣٤', caseNumber: null, notes: null, corrects: null, by: { userId: 'u1', username: 'officer1' }, at: '2026-11-22T18:05:00Z' }] });
    });
    type('input[name="plate"]', 'قصب1234');
    await act(async () => $('[data-testid="action-submit"]')!.click());
    expect(sent).toEqual([{ type: 'arrest', plate: 'ق ص ب ١٢٣٤' }]);
    expect($('[data-testid="action-form"]')).toBeNull();
    expect($('[data-testid="action-item"]')?.textContent).toContain('ق ص ب ١٢٣٤');
    expect($('[data-testid="action-recorded"]')).not.toBeNull();
  });

  it('puts the server’s 400 details under the fields they name', async () => {
    await openForm(mine, () =>
      jsonResponse(400, { error: { code: 'invalid_input', message: 'incomplete', details: [{ path: 'plate', message: 'not an Egyptian plate' }] } }),
    );
    type('input[name="plate"]', 'قصب1234');
    await act(async () => $('[data-testid="action-submit"]')!.click());
    expect($('[data-testid="plate-error"]')?.textContent).toBe('رفضه الخادم: not an Egyptian plate');
    expect($('[data-testid="action-form"]')).not.toBeNull();
  });

  it('opens prefilled with `corrects` set from an action’s correct button', async () => {
    const recorded = { id: 'a1', type: 'citation' as const, plate: 'ق ص ب ١٢٣', caseNumber: null, notes: 'x', corrects: null, by: { userId: 'u1', username: 'officer1' }, at: '2026-11-22T18:05:00Z' };
    const sent: unknown[] = [];
    await openForm({ ...mine, status: 'actioned', actions: [recorded] }, (body) => {
      sent.push(body);
      return jsonResponse(400, { error: { code: 'invalid_input', message: 'stop here' } });
    });
    await act(async () => $('[data-testid="correct-button"]')!.click());
    expect($('[data-testid="correcting"]')).not.toBeNull();
    expect(($('select[name="type"]') as HTMLSelectElement).value).toBe('citation');
    type('input[name="plate"]', 'ق ص ب ١٢٣٤');
    await act(async () => $('[data-testid="action-submit"]')!.click());
    expect(sent).toEqual([{ type: 'citation', plate: 'ق ص ب ١٢٣٤', notes: 'x', corrects: 'a1' }]);
  });

  it('closes on Escape without closing the drawer', async () => {
    await openForm();
    await act(async () => {
      $('input[name="plate"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect($('[data-testid="action-form"]')).toBeNull();
    expect($('[data-testid="incident-drawer"]')).not.toBeNull();
  });
});
