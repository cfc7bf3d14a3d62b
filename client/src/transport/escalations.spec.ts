import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Socket } from 'socket.io-client';
import { appStateCreator, type AppState } from '../store';
import { makeIncident } from '../test/fixtures';
import { bindEscalations } from './escalations';

function fakeSocket() {
  const handlers = new Map<string, (payload: unknown) => void>();
  const socket = {
    on: (event: string, fn: (payload: unknown) => void) => handlers.set(event, fn),
    off: (event: string) => handlers.delete(event),
  };
  return { socket: socket as unknown as Socket, emit: (event: string, payload: unknown) => handlers.get(event)?.(payload), handlers };
}

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
