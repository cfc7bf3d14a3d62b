import { z } from 'zod';
import { limits } from './limits';

// zod compiles object parsers with `new Function` when it can. The dashboard's CSP forbids eval, and
// zod's probe for it is itself a violation report; parsing is well under 1% of the server's time
// (bench/README.md), so both sides parse without it. Set here, before any schema exists.
z.config({ jitless: true });

export const geoPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

/** ISO 8601 timestamp that states its zone (Z or an offset). */
export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** Only http(s) links may come from untrusted input: no javascript:, data: or file: URLs. */
export const httpUrlSchema = z.url({ protocol: /^https?$/ }).max(limits.urlMax);

export const alertKinds = ['wrong_way', 'reckless', 'speeding', 'racing', 'stopped_vehicle', 'other'] as const;
export const alertKindSchema = z.enum(alertKinds);
export type AlertKind = z.infer<typeof alertKindSchema>;

export const vehicleClasses = ['car', 'microbus', 'bus', 'truck', 'motorcycle', 'tuktuk', 'other'] as const;
export const vehicleClassSchema = z.enum(vehicleClasses);
export type VehicleClass = z.infer<typeof vehicleClassSchema>;

export const severities = ['critical', 'high', 'medium', 'low'] as const;
export const severitySchema = z.enum(severities);
export type Severity = z.infer<typeof severitySchema>;
