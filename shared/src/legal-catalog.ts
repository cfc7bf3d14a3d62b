import type { LegalActionType } from './incident';
import type { Label } from './labels';
import { legalActionLabels } from './labels';

/** Track 1: caught on an official camera. Track 2: documented by a verified citizen video. */
export type EnforcementTrack = 'camera' | 'social';

export interface LegalActionSpec {
  type: LegalActionType;
  label: Label;
  /** Tracks whose incidents propose this action first; both tracks may still record it. */
  tracks: readonly EnforcementTrack[];
  requires: readonly ('plate' | 'caseNumber' | 'notes')[];
  /**
   * Statutes it rests on (Traffic Law 66/1973 as amended), in each language's citation style:
   * guidance pending legal review. The Arabic keeps the law's own Western digits.
   */
  statute: Label;
}

/** Traffic Law 66/1973, as an Arabic citation opens. */
const law66 = 'القانون 66 لسنة 1973';

/** The legal actions an officer may record, from ../shared/data/legal-catalog.json. */
export const legalCatalog: readonly LegalActionSpec[] = [
  { type: 'arrest', tracks: ['camera'], requires: ['plate'], statute: { ar: `${law66}: المادتان 76 و76 مكرراً (السير عكس الاتجاه)؛ المادتان 74 و75`, en: 'Law 66/1973 Arts 76, 76 bis (wrong-way); Arts 74–75' }, label: legalActionLabels.arrest },
  { type: 'summons', tracks: ['social'], requires: ['plate'], statute: { ar: 'قانون الإجراءات الجنائية؛ ممارسة وزارة الداخلية (تحديد وضبط)', en: 'Code of Criminal Procedure; MoI practice (تحديد وضبط)' }, label: legalActionLabels.summons },
  { type: 'vehicle_impound', tracks: ['social'], requires: ['plate'], statute: { ar: `${law66}: المواد 54 و65 مكرراً و65 مكرراً 1 إلى 3 (القانون 17 لسنة 2024) و74 مكرراً 2`, en: 'Law 66/1973 Arts 54, 65 bis, 65 bis 1–3 (Law 17/2024), 74 bis 2' }, label: legalActionLabels.vehicle_impound },
  { type: 'prosecution_referral', tracks: ['camera', 'social'], requires: ['caseNumber'], statute: { ar: `${law66}: المادتان 80 و81؛ نيابة المرور: المادة 65 مكرراً 1`, en: 'Law 66/1973 Arts 80, 81; traffic prosecution Art. 65 bis 1' }, label: legalActionLabels.prosecution_referral },
  { type: 'administrative_measure', tracks: ['camera', 'social'], requires: ['notes'], statute: { ar: `${law66}: المادتان 72 مكرراً و73`, en: 'Law 66/1973 Arts 72 bis, 73' }, label: legalActionLabels.administrative_measure },
  { type: 'licence_withdrawal', tracks: ['camera', 'social'], requires: ['plate'], statute: { ar: `${law66}: المواد 72 مكرراً و73 و76`, en: 'Law 66/1973 Arts 72 bis, 73, 76' }, label: legalActionLabels.licence_withdrawal },
  { type: 'citation', tracks: ['camera', 'social'], requires: ['plate'], statute: { ar: `${law66}: المادتان 74 و75، والمادة 80 (التصالح)`, en: 'Law 66/1973 Arts 74–75, 80 (settlement)' }, label: legalActionLabels.citation },
  { type: 'no_action', tracks: ['camera', 'social'], requires: ['notes'], statute: { ar: '—', en: '—' }, label: legalActionLabels.no_action },
];

export function legalActionSpec(type: LegalActionType): LegalActionSpec {
  return legalCatalog.find((s) => s.type === type)!;
}

/** The actions of the incident's track first, then the rest. */
export function proposedActions(track: EnforcementTrack): LegalActionSpec[] {
  const own = legalCatalog.filter((s) => s.tracks.length === 1 && s.tracks[0] === track);
  return [...own, ...legalCatalog.filter((s) => !own.includes(s))];
}
