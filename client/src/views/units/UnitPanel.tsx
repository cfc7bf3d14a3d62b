import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitKindLabels, unitStatuses, unitStatusLabels, type Unit, type UnitStatus } from '@rasd/shared';
import { ApiError } from '../../api/http';
import { setUnitStatus } from '../../api/units';
import { formatNumber } from '../../i18n/format';
import { canSetUnitStatus } from '../../lib/dispatch';
import { useStore } from '../../store';
import { errorKey } from '../drawer/error-key';

function UnitRow({ unit, editable }: { unit: Unit; editable: boolean }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const [error, setError] = useState<string | null>(null);
  async function change(status: UnitStatus) {
    setError(null);
    try {
      useStore.getState().applyUnits([await setUnitStatus(unit.id, status)]);
    } catch (e) {
      setError(errorKey(e instanceof ApiError ? e.code : 'generic'));
    }
  }
  return (
    <li className="unit-row" data-testid="unit-row" data-unit-id={unit.id} data-status={unit.status}>
      <span className={'unit-dot unit-dot--' + unit.status} aria-hidden="true" />
      <span className="unit-row-name">
        <bdi>{unit.callSign}</bdi>
        <small>{unitKindLabels[unit.kind][language]}</small>
      </span>
      {unit.assignment && (
        <button type="button" className="button button--quiet unit-row-task" onClick={() => useStore.getState().openIncident(unit.assignment!.incidentId, true)}>
          {t('units.assigned')}
        </button>
      )}
      {editable ? (
        <select aria-label={t('units.setStatus', { callSign: unit.callSign })} value={unit.status} onChange={(e) => void change(e.target.value as UnitStatus)} data-testid="unit-status-select">
          {unitStatuses.map((s) => (
            <option key={s} value={s}>{unitStatusLabels[s][language]}</option>
          ))}
        </select>
      ) : (
        <span className={'unit-status unit-status--' + unit.status}>{unitStatusLabels[unit.status][language]}</span>
      )}
      {error && <span className="form-error" role="alert">{t(error)}</span>}
    </li>
  );
}

/** The patrol units over the map: status at a glance; dispatchers change a status by hand. */
export function UnitPanel() {
  const { t } = useTranslation();
  const units = useStore((s) => s.units);
  const user = useStore((s) => s.user);
  const language = useStore((s) => s.language);
  const [open, setOpen] = useState(true);
  const list = useMemo(() => Object.values(units).sort((a, b) => a.callSign.localeCompare(b.callSign)), [units]);
  const editable = canSetUnitStatus(user);
  return (
    <section className="unit-panel" aria-label={t('units.title')} data-testid="unit-panel">
      <button type="button" className="button unit-panel-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('units.toggle', { n: formatNumber(list.length, language) })}
      </button>
      {open && (
        <ul className="unit-list">
          {list.length === 0 && <li className="muted">{t('units.empty')}</li>}
          {list.map((unit) => (
            <UnitRow key={unit.id} unit={unit} editable={editable} />
          ))}
        </ul>
      )}
    </section>
  );
}
