import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../../store';
import { makeIncident } from '../../test/fixtures';
import { render, type Rendered } from '../../test/render';
import { AlarmBanner } from './AlarmBanner';

let view: Rendered | undefined;

beforeEach(() => {
  useStore.setState(useStore.getInitialState(), true);
});
afterEach(() => view?.unmount());

function load(...incidents: ReturnType<typeof makeIncident>[]) {
  const token = useStore.getState().beginCatchUp();
  useStore.getState().finishCatchUp(token, { incidents, seq: 100 });
}
const banner = () => view!.container.querySelector<HTMLElement>('[data-testid="alarm-banner"]');

describe('AlarmBanner', () => {
  it('is absent while nothing critical waits', async () => {
    load(makeIncident({ kind: 'speeding', severity: 'medium' }));
    view = await render(<AlarmBanner />);
    expect(banner()).toBeNull();
  });

  it('names the waiting critical incidents in Arabic and sounds', async () => {
    load(makeIncident({ id: 'a' }));
    view = await render(<AlarmBanner />);
    expect(banner()?.dataset['state']).toBe('sounding');
    expect(banner()?.textContent).toContain('واقعة حرجة لم يستلمها أحد');
    expect(banner()?.textContent).toContain('الطريق الدائري');
  });

  it('silences on acknowledgement but keeps the incident on screen until it is claimed', async () => {
    load(makeIncident({ id: 'a', seq: 1 }));
    view = await render(<AlarmBanner />);
    act(() => view!.container.querySelector<HTMLButtonElement>('[data-testid="alarm-ack"]')!.click());
    expect(banner()?.dataset['state']).toBe('silenced');
    expect(view.container.querySelectorAll('[data-testid="alarm-item"]')).toHaveLength(1);
    act(() => {
      useStore.getState().receiveLive(makeIncident({ id: 'a', seq: 2, status: 'claimed', claimedBy: { userId: 'u', username: 'o', at: '2026-11-22T18:01:00Z' } }));
    });
    expect(banner()).toBeNull();
  });

  it('sounds again for a second critical incident after the first was silenced', async () => {
    load(makeIncident({ id: 'a', seq: 1 }));
    view = await render(<AlarmBanner />);
    act(() => view!.container.querySelector<HTMLButtonElement>('[data-testid="alarm-ack"]')!.click());
    act(() => {
      useStore.getState().receiveLive(makeIncident({ id: 'b', seq: 2, firstSeenAt: '2026-11-22T18:05:00Z' }));
    });
    expect(banner()?.dataset['state']).toBe('sounding');
    expect(view.container.querySelectorAll('[data-testid="alarm-item"]')).toHaveLength(2);
  });

  it('opens the drawer on an alarm item', async () => {
    load(makeIncident({ id: 'a' }));
    view = await render(<AlarmBanner />);
    act(() => view!.container.querySelector<HTMLButtonElement>('[data-testid="alarm-item"]')!.click());
    expect(useStore.getState().drawerId).toBe('a');
  });
});
