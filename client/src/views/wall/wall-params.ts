import { languages, type Language } from '@rasd/shared';
import { numeralChoices, type Numerals } from '../../i18n/numerals';

export interface WallParams {
  language: Language | null;
  numerals: Numerals | null;
  /** `sound=off`: a room whose desks already sound can keep the wall quiet. */
  muted: boolean;
}

const pick = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/**
 * The wall is set up once, from its address (it has no keyboard afterwards):
 * `/wall?lang=en&numerals=latn&sound=off`. Unknown values are ignored.
 */
export function parseWallParams(search: string): WallParams {
  const params = new URLSearchParams(search);
  return {
    language: pick(languages, params.get('lang')),
    numerals: pick(numeralChoices, params.get('numerals')),
    muted: params.get('sound') === 'off',
  };
}
