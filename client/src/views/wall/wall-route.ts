import { useStore } from '../../store';
import { chooseNumerals } from '../SettingsMenu';
import { parseWallParams, type WallParams } from './wall-params';

export function isWallPath(pathname: string): boolean {
  return pathname === '/wall' || pathname === '/wall/';
}

/** Applies the wall's address settings (language, digits) before it signs in; returns them. */
export function applyWallParams(search: string): WallParams {
  const params = parseWallParams(search);
  if (params.language) useStore.getState().setLanguage(params.language);
  if (params.numerals) chooseNumerals(params.numerals);
  return params;
}
