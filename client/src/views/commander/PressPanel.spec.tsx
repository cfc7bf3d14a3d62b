import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PressSummary } from '@rasd/shared';
import { useStore } from '../../store';
import { jsonResponse, mockFetch } from '../../test/fetch-mock';
import { render, type Rendered } from '../../test/render';
import { PressPanel } from './PressPanel';

let view: Rendered | undefined;
const shift = { start: '2026-11-27T06:00:00.000Z', end: '2026-11-27T14:00:00.000Z', label: '2026-11-27 08–16' };
const amr = { userId: 'u1', username: 'amr' };
const draft: PressSummary = { shift, status: 'draft', generated: true, ar: 'نص مقترح', en: 'Proposed', updatedBy: null, updatedAt: null, approvedBy: null, approvedAt: null };
const at = encodeURIComponent(shift.start);

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
  useStore.getState().setUser({ id: 'u1', username: 'amr', role: 'commander' });
});
afterEach(() => {
  view?.unmount();
  vi.unstubAllGlobals();
});

const q = (id: string) => view!.container.querySelector(`[data-testid="${id}"]`);
const click = (id: string) => act(async () => (q(id) as HTMLButtonElement).click());

describe('PressPanel', () => {
  it('offers no export until the saved text is approved, then links the approved export', async () => {
    const saved = { ...draft, generated: false, updatedBy: amr, updatedAt: shift.start };
    const fetch = mockFetch({
      [`GET /api/v1/shifts/press?at=${at}`]: () => jsonResponse(200, draft),
      'PUT /api/v1/shifts/press': () => jsonResponse(200, saved),
      'POST /api/v1/shifts/press/approve': () => jsonResponse(200, { ...saved, status: 'approved', approvedBy: amr, approvedAt: shift.start }),
    });
    view = await render(<PressPanel at={shift.start} />);
    await act(async () => {});
    expect((q('press-ar') as HTMLTextAreaElement).value).toBe('نص مقترح');
    expect((q('press-ar') as HTMLTextAreaElement).dir).toBe('rtl');
    expect(q('press-export')).toBeNull();
    // A proposed text must be saved before it can be approved.
    expect((q('press-approve') as HTMLButtonElement).disabled).toBe(true);
    await click('press-save');
    expect(JSON.parse(String(fetch.mock.calls.at(-1)![1]!.body))).toEqual({ at: shift.start, ar: 'نص مقترح', en: 'Proposed' });
    expect(q('press-export')).toBeNull();
    await click('press-approve');
    expect(q('press-panel')!.getAttribute('data-status')).toBe('approved');
    expect(q('press-export')!.getAttribute('href')).toBe(`/api/v1/shifts/press/export?at=${at}&lang=both`);
  });

  it('shows the server’s refusal', async () => {
    mockFetch({
      [`GET /api/v1/shifts/press?at=${at}`]: () => jsonResponse(200, { ...draft, generated: false, updatedBy: amr, updatedAt: shift.start }),
      'POST /api/v1/shifts/press/approve': () => jsonResponse(409, { error: { code: 'invalid_transition', message: 'no' } }),
    });
    view = await render(<PressPanel at={shift.start} />);
    await act(async () => {});
    await click('press-approve');
    expect(q('press-error')!.textContent).toBe('غير ممكن في الحالة الحالية');
  });
});
