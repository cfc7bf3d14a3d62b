import type { AlertKind, Severity, VehicleClass } from './common';
import type { IncidentSource, IncidentStatus, LegalActionType } from './incident';
import type { Role } from './session';

export const languages = ['ar', 'en'] as const;
export type Language = (typeof languages)[number];
export type Label = Record<Language, string>;

export const kindLabels: Record<AlertKind, Label> = {
  wrong_way: { ar: 'سير عكس الاتجاه', en: 'Wrong-way' },
  reckless: { ar: 'قيادة برعونة', en: 'Reckless driving' },
  speeding: { ar: 'سرعة زائدة', en: 'Speeding' },
  racing: { ar: 'سباق / استعراض', en: 'Racing / stunts' },
  stopped_vehicle: { ar: 'مركبة متوقفة', en: 'Stopped vehicle' },
  other: { ar: 'أخرى', en: 'Other' },
};

export const severityLabels: Record<Severity, Label> = {
  critical: { ar: 'حرج', en: 'Critical' },
  high: { ar: 'مرتفع', en: 'High' },
  medium: { ar: 'متوسط', en: 'Medium' },
  low: { ar: 'منخفض', en: 'Low' },
};

export const statusLabels: Record<IncidentStatus, Label> = {
  new: { ar: 'جديدة', en: 'New' },
  verifying: { ar: 'قيد التحقق', en: 'Verifying' },
  verified: { ar: 'تم التحقق', en: 'Verified' },
  rejected: { ar: 'مرفوضة', en: 'Rejected' },
  claimed: { ar: 'مستلمة', en: 'Claimed' },
  dispatched: { ar: 'تم التوجيه', en: 'Dispatched' },
  actioned: { ar: 'تم الإجراء', en: 'Actioned' },
  closed: { ar: 'مغلقة', en: 'Closed' },
  merged: { ar: 'مدمجة', en: 'Merged' },
};

export const sourceLabels: Record<IncidentSource, Label> = {
  camera: { ar: 'كاميرا', en: 'Camera' },
  social: { ar: 'سوشيال ميديا', en: 'Social media' },
  mixed: { ar: 'مختلط', en: 'Mixed' },
};

export const roleLabels: Record<Role, Label> = {
  officer: { ar: 'ضابط نوبتجية', en: 'Duty officer' },
  dispatcher: { ar: 'موزع', en: 'Dispatcher' },
  commander: { ar: 'قائد النوبة', en: 'Commander' },
  admin: { ar: 'مدير النظام', en: 'Administrator' },
};

export const vehicleClassLabels: Record<VehicleClass, Label> = {
  car: { ar: 'ملاكي', en: 'Car' },
  microbus: { ar: 'ميكروباص', en: 'Microbus' },
  bus: { ar: 'أتوبيس', en: 'Bus' },
  truck: { ar: 'نقل', en: 'Truck' },
  motorcycle: { ar: 'موتوسيكل', en: 'Motorcycle' },
  tuktuk: { ar: 'توك توك', en: 'Tuk-tuk' },
  other: { ar: 'أخرى', en: 'Other' },
};

export const legalActionLabels: Record<LegalActionType, Label> = {
  arrest: { ar: 'ضبط فوري', en: 'Immediate arrest' },
  summons: { ar: 'استدعاء', en: 'Summons' },
  vehicle_impound: { ar: 'التحفظ على السيارة', en: 'Vehicle impound' },
  prosecution_referral: { ar: 'إحالة للنيابة العامة', en: 'Prosecution referral' },
  administrative_measure: { ar: 'إجراء إداري', en: 'Administrative measure' },
  citation: { ar: 'مخالفة', en: 'Citation' },
  licence_withdrawal: { ar: 'سحب الرخصة', en: 'Licence withdrawal' },
  no_action: { ar: 'لا إجراء', en: 'No action' },
};
