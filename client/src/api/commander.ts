import {
  handoverSchema,
  historyPageSchema,
  pressSummarySchema,
  shiftReportSchema,
  shiftSummarySchema,
  type Handover,
  type HistoryPage,
  type PressSummary,
  type ShiftReport,
  type ShiftSummary,
} from '@rasd/shared';
import { expectAnswer, request } from './http';

const atQuery = (at: string | null) => (at ? '?at=' + encodeURIComponent(at) : '');

/** The shift containing `at`; null means the current shift. */
export async function fetchShiftSummary(at: string | null): Promise<ShiftSummary> {
  return expectAnswer(shiftSummarySchema, await request('GET', '/api/v1/shifts/summary' + atQuery(at)), 'shift summary');
}

export async function fetchShiftReport(at: string | null): Promise<ShiftReport> {
  return expectAnswer(shiftReportSchema, await request('GET', '/api/v1/shifts/report' + atQuery(at)), 'shift report');
}

export async function fetchHandover(at: string | null): Promise<Handover> {
  return expectAnswer(handoverSchema, await request('GET', '/api/v1/shifts/handover' + atQuery(at)), 'handover');
}

export async function saveHandoverNotes(at: string, notes: string): Promise<Handover> {
  return expectAnswer(handoverSchema, await request('PUT', '/api/v1/shifts/handover', { at, notes }), 'handover');
}

export async function changeHandover(at: string, act: 'submit' | 'acknowledge'): Promise<Handover> {
  return expectAnswer(handoverSchema, await request('POST', `/api/v1/shifts/handover/${act}`, { at }), 'handover');
}

export async function fetchPress(at: string | null): Promise<PressSummary> {
  return expectAnswer(pressSummarySchema, await request('GET', '/api/v1/shifts/press' + atQuery(at)), 'press statement');
}

export async function savePress(at: string, text: { ar: string; en: string }): Promise<PressSummary> {
  return expectAnswer(pressSummarySchema, await request('PUT', '/api/v1/shifts/press', { at, ...text }), 'press statement');
}

export async function approvePress(at: string): Promise<PressSummary> {
  return expectAnswer(pressSummarySchema, await request('POST', '/api/v1/shifts/press/approve', { at }), 'press statement');
}

/** A same-origin download link: the browser keeps the session cookie and the file name. */
export function pressExportUrl(at: string, lang: 'ar' | 'en' | 'both'): string {
  return `/api/v1/shifts/press/export?at=${encodeURIComponent(at)}&lang=${lang}`;
}

export async function searchHistory(params: URLSearchParams): Promise<HistoryPage> {
  return expectAnswer(historyPageSchema, await request('GET', '/api/v1/history/incidents?' + params.toString()), 'history page');
}

export function historyCsvUrl(params: URLSearchParams): string {
  const filters = new URLSearchParams(params);
  filters.delete('limit');
  filters.delete('offset');
  return '/api/v1/history/incidents.csv?' + filters.toString();
}
