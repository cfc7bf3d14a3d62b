import { useTranslation } from 'react-i18next';
import { formatCairoClock } from '../../i18n/clock';
import { useStore } from '../../store';
import { Brand } from '../Brand';
import { useClock } from '../use-clock';

/** Brand, the room's name and the Cairo clock, large enough to read from the back of the room. */
export function WallHeader() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const now = useClock();
  const { time, date } = formatCairoClock(new Date(now), language);
  return (
    <header className="wall-header">
      <Brand />
      <h1 className="wall-title">{t('wall.title')}</h1>
      <div className="wall-clock" data-testid="wall-clock">
        <time className="wall-time" dir="ltr" dateTime={new Date(now).toISOString()}>{time}</time>
        <span className="wall-date">
          {date} · {t('wall.cairo')}
        </span>
      </div>
    </header>
  );
}
