import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { appStateCreator, type AppState } from '../store';
import { fakeSocket } from '../test/fake-socket';
import { makeIncident } from '../test/fixtures';
import { bindEscalations } from './escalations';

describe('bindEscalations', () => {
  it('turns each escalation into one toast per incident, bounded', () => {
    const store = createStore<AppState>()(appStateCreator('ar'));
    const { socket, emit, handlers } = fakeSocket();
    const unbind = bindEscalations(socket as never, store);
    emit('incident:escalated', makeIncident({ id: 'a', escalatedAt: '2026-11-22T18:01:00Z' }));
    emit('incident:escalated', makeIncident({ id: 'a', escalatedAt: '2026-11-22T18:01:00Z' }));
    emit('incident:escalated', { not: 'an incident' });
    expect(store.getState().toasts.map((t) => t.incidentId)).toEqual(['a']);
    for (let i = 0; i < 10; i++) emit('incident:escalated', makeIncident({ id: `i${i}` }));
    expect(store.getState().toasts).toHaveLength(4);
    unbind();
    expect(handlers.size).toBe(0);
  });
});
