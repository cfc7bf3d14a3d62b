import { useTranslation } from 'react-i18next';
import type { ShiftRef } from '@rasd/shared';
import { formatLocale } from '../../i18n/format';
import { cairoMidnight, isLiveShift, nextShiftAt, previousShiftAt } from '../../lib/commander';
import { useStore } from '../../store';

/** "Thursday 27 November 2026, 08:00–16:00" in the page's language, Cairo time. */
export function shiftTitle(shift: ShiftRef, language: 'ar' | 'en'): string {
  const locale = formatLocale(language);
  const day = new Intl.DateTimeFormat(locale, { timeZone: 'Africa/Cairo', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: 'Africa/Cairo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${day.format(new Date(shift.start))}${language === 'ar' ? '، ' : ', '}${time.format(new Date(shift.start))}–${time.format(new Date(shift.end))}`;
}

export interface ShiftBarProps {
  shift: ShiftRef | null;
  onChoose: (at: string | null) => void;
}

/** Chooses the shift: step back and forth, jump to a day, or return to the live one. */
export function ShiftBar({ shift, onChoose }: ShiftBarProps) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const live = shift ? isLiveShift(shift) : false;
  return (
    <div className="shift-bar" data-testid="shift-bar">
      <button type="button" className="button" disabled={!shift} onClick={() => shift && onChoose(previousShiftAt(shift))} data-testid="shift-prev">
        {language === 'ar' ? '→' : '←'} {t('commander.previous')}
      </button>
      <h1 className="shift-title" data-testid="shift-title" data-shift-start={shift?.start}>
        {shift ? shiftTitle(shift, language) : t('commander.loading')}
      </h1>
      {shift && (
        <span className={live ? 'shift-live' : 'shift-closed'} data-testid="shift-live" data-live={live}>
          {live ? t('commander.live') : t('commander.closed')}
        </span>
      )}
      <button type="button" className="button" disabled={!shift || live} onClick={() => shift && onChoose(nextShiftAt(shift))} data-testid="shift-next">
        {t('commander.next')} {language === 'ar' ? '←' : '→'}
      </button>
      <button type="button" className="button" disabled={live} onClick={() => onChoose(null)} data-testid="shift-current">
        {t('commander.current')}
      </button>
      <label className="shift-day">
        <span>{t('commander.day')}</span>
        <input
          type="date"
          data-testid="shift-day"
          onChange={(e) => {
            // A chosen day opens the shift running at its first minute; the arrows step from there.
            if (e.target.value) onChoose(new Date(Date.parse(cairoMidnight(e.target.value)) + 60_000).toISOString());
          }}
        />
      </label>
    </div>
  );
}
