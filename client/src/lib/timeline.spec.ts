import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@rasd/shared';
import { describeHistory } from './timeline';

const entry = (type: string, data: Record<string, unknown> = {}): HistoryEntry => ({
  seq: 1,
  at: '2026-11-22T18:00:00Z',
  type,
  actor: 'officer1',
  data,
});

describe('describeHistory', () => {
  it('names the legal action in the reader’s language', () => {
    expect(describeHistory(entry('action_recorded', { type: 'arrest', corrects: null }), 'ar')).toEqual({
      key: 'action_recorded',
      params: { action: 'ضبط فوري' },
    });
  });

  it('marks a correction as such', () => {
    expect(describeHistory(entry('action_recorded', { type: 'citation', corrects: 'a1' }), 'en').key).toBe('action_corrected');
  });

  it('gives the two sides of a hand-over and of an escalation', () => {
    expect(describeHistory(entry('handed_over', { from: 'officer1', to: 'officer2' }), 'en').params).toEqual({ from: 'officer1', to: 'officer2' });
    expect(describeHistory(entry('escalated', { from: 'high', to: 'critical' }), 'en').params).toEqual({ from: 'High', to: 'Critical' });
  });

  it('shows a dash for missing or non-text data, and the raw type for an unknown entry', () => {
    expect(describeHistory(entry('released', { previousHolder: { x: 1 } }), 'en').params).toEqual({ previous: '—' });
    expect(describeHistory(entry('merged_into'), 'en')).toEqual({ key: 'unknown', params: { type: 'merged_into' } });
  });
});
