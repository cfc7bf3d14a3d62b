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
import type { z } from 'zod';
import { ApiError, request } from './http';

function expect<S extends z.ZodType>(schema: S, payload: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new ApiError(200, 'bad_response', `unexpected ${what}`);
  return parsed.data;
}

const atQuery = (at: string | null) => (at ? '?at=' + encodeURIComponent(at) : '');

/** The shift containing `at`; null means the current shift. */
export async function fetchShiftSummary(at: string | null): Promise<ShiftSummary> {
  return expect(shiftSummarySchema, await request('GET', '/api/v1/shifts/summary' + atQuery(at)), 'shift summary');
}

export async function fetchShiftReport(at: string | null): Promise<ShiftReport> {
  return expect(shiftReportSchema, await request('GET', '/api/v1/shifts/report' + atQuery(at)), 'shift report');
}

export async function fetchHandover(at: string | null): Promise<Handover> {
  return expect(handoverSchema, await request('GET', '/api/v1/shifts/handover' + atQuery(at)), 'handover');
}

export async function saveHandoverNotes(at: string, notes: string): Promise<Handover> {
  return expect(handoverSchema, await request('PUT', '/api/v1/shifts/handover', { at, notes }), 'handover');
}

export async function changeHandover(at: string, act: 'submit' | 'acknowledge'): Promise<Handover> {
  return expect(handoverSchema, await request('POST', `/api/v1/shifts/handover/${act}`, { at }), 'handover');
}

export async function fetchPress(at: string | null): Promise<PressSummary> {
  return expect(pressSummarySchema, await request('GET', '/api/v1/shifts/press' + atQuery(at)), 'press statement');
}

export async function savePress(at: string, text: { ar: string; en: string }): Promise<PressSummary> {
  return expect(pressSummarySchema, await request('PUT', '/api/v1/shifts/press', { at, ...text }), 'press statement');
}

export async function approvePress(at: string): Promise<PressSummary> {
  return expect(pressSummarySchema, await request('POST', '/api/v1/shifts/press/approve', { at }), 'press statement');
}

/** A same-origin download link: the browser keeps the session cookie and the file name. */
export function pressExportUrl(at: string, lang: 'ar' | 'en' | 'both'): string {
  return `/api/v1/shifts/press/export?at=${encodeURIComponent(at)}&lang=${lang}`;
}

export async function searchHistory(params: URLSearchParams): Promise<HistoryPage> {
  return expect(historyPageSchema, await request('GET', '/api/v1/history/incidents?' + params.toString()), 'history page');
}

export function historyCsvUrl(params: URLSearchParams): string {
  const filters = new URLSearchParams(params);
  filters.delete('limit');
  filters.delete('offset');
  return '/api/v1/history/incidents.csv?' + filters.toString();
}
