import {
  legalActionLabels,
  legalActionTypeSchema,
  severityLabels,
  severitySchema,
  type HistoryEntry,
  type Language,
} from '@rasd/shared';

/** A history entry as an i18n key (under `timeline.`) and its already localised parameters. */
export interface TimelineLine {
  key: string;
  params: Record<string, string>;
}

const known = new Set([
  'opened',
  'claimed',
  'released',
  'taken_over',
  'handed_over',
  'verified',
  'rejected',
  'action_recorded',
  'closed',
  'escalated',
  'track_extended',
  'dispatched',
]);

/** `data` is free-form JSON: only strings are shown, and as text (React escapes them). */
function text(data: Record<string, unknown>, key: string): string {
  const value = data[key];
  return typeof value === 'string' && value.length > 0 ? value : '—';
}

export function describeHistory(entry: HistoryEntry, language: Language): TimelineLine {
  const { data } = entry;
  if (!known.has(entry.type)) return { key: 'unknown', params: { type: entry.type } };
  const params: Record<string, string> = {};
  switch (entry.type) {
    case 'released':
    case 'taken_over':
      params['previous'] = text(data, 'previousHolder');
      break;
    case 'handed_over':
      params['from'] = text(data, 'from');
      params['to'] = text(data, 'to');
      break;
    case 'rejected':
    case 'verified':
      params['reason'] = text(data, 'reason');
      break;
    case 'action_recorded': {
      const type = legalActionTypeSchema.safeParse(data['type']);
      params['action'] = type.success ? legalActionLabels[type.data][language] : text(data, 'type');
      // A correction reads differently so the reader knows an earlier entry was superseded.
      if (typeof data['corrects'] === 'string') return { key: 'action_corrected', params };
      break;
    }
    case 'track_extended':
      params['camera'] = text(data, 'cameraId');
      break;
    case 'dispatched':
      params['units'] = Array.isArray(data['units']) ? data['units'].filter((u): u is string => typeof u === 'string').join('، ') || '—' : '—';
      break;
    case 'escalated': {
      const from = severitySchema.safeParse(data['from']);
      const to = severitySchema.safeParse(data['to']);
      params['from'] = from.success ? severityLabels[from.data][language] : '—';
      params['to'] = to.success ? severityLabels[to.data][language] : '—';
      break;
    }
  }
  return { key: entry.type, params };
}
