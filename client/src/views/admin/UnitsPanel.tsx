import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitKindLabels, unitStatusLabels, type Unit } from '@rasd/shared';
import { fetchUnits, replaceUnitKey, type UnitWithKey } from '../../api/units';
import { formatIncidentTime } from '../../i18n/format';
import { adminErrorKey } from '../../lib/admin-forms';
import { useStore } from '../../store';
import { AdminListCard } from './AdminListCard';
import { ConfirmButton } from './ConfirmButton';
import { CreateUnitForm } from './CreateUnitForm';
import type { NoticeText } from './Notice';
import { SecretNotice } from './SecretNotice';
import { useLoad } from './use-load';

/** Patrol units (admin): add a unit and give its tablet a key; replace the key of a lost tablet. */
export function UnitsPanel() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const units = useLoad(fetchUnits);
  const [key, setKey] = useState<{ callSign: string; key: string } | null>(null);
  const [notice, setNotice] = useState<NoticeText | null>(null);
  const list = units.data ?? [];

  const showKey = (answer: UnitWithKey) => {
    setKey({ callSign: answer.unit.callSign, key: answer.key });
    units.reload();
  };
  const onCreated = (answer: UnitWithKey) => {
    setNotice(null);
    showKey(answer);
  };
  const onReplace = async (unit: Unit) => {
    setNotice(null);
    try {
      showKey(await replaceUnitKey(unit.id));
      setNotice({ kind: 'ok', key: 'admin.units.replaceDone', name: unit.callSign });
    } catch (error) {
      setNotice({ kind: 'error', key: adminErrorKey(error) });
      units.reload();
    }
  };

  return (
    <div className="admin-panel" data-testid="units-panel">
      <CreateUnitForm onCreated={onCreated} />
      {key && <SecretNotice of="unit" subject={key.callSign} secret={key.key} onDismiss={() => setKey(null)} />}
      <AdminListCard name="units" loaded={units} count={list.length} notice={notice} columns={['callSign', 'kind', 'status', 'lastReport', 'actions']}>
        {list.map((unit) => (
          <tr key={unit.id} data-testid="admin-unit-row" data-call-sign={unit.callSign}>
            <th scope="row">
              <bdi>{unit.callSign}</bdi>
            </th>
            <td>{unitKindLabels[unit.kind][language]}</td>
            <td>
              <span className={`unit-status unit-status--${unit.status}`}>{unitStatusLabels[unit.status][language]}</span>
            </td>
            <td className="num">{unit.positionAt ? formatIncidentTime(unit.positionAt, language) : <span className="dim">{t('admin.units.neverReported')}</span>}</td>
            <td>
              <div className="row-actions">
                <ConfirmButton
                  label={t('admin.units.replaceKey')}
                  question={t('admin.units.replaceQuestion', { name: unit.callSign })}
                  onConfirm={() => onReplace(unit)}
                  testId="unit-replace-key"
                />
              </div>
            </td>
          </tr>
        ))}
      </AdminListCard>
    </div>
  );
}
