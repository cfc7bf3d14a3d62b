import type { AlertKind, Severity } from '@rasd/shared';

const byKind: Record<AlertKind, Severity> = {
  wrong_way: 'critical',
  racing: 'high',
  reckless: 'high',
  speeding: 'medium',
  stopped_vehicle: 'medium',
  other: 'low',
};

/** A wrong-way driver endangers lives head-on: it is always critical. */
export function severityOf(kind: AlertKind): Severity {
  return byKind[kind];
}
