import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, unitCreateSchema, unitKindLabels, unitKinds, type UnitKind } from '@rasd/shared';
import { createUnit, type UnitWithKey } from '../../api/units';
import { useStore } from '../../store';
import { Field } from './Field';
import { Notice } from './Notice';
import { useFormSubmit } from './use-form-submit';

/** A new patrol unit: its call sign and vehicle; the answer carries the tablet's key, shown once. */
export function CreateUnitForm({ onCreated }: { onCreated: (answer: UnitWithKey) => void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const [callSign, setCallSign] = useState('');
  const [kind, setKind] = useState<UnitKind>('car');
  const form = useFormSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.busy) return;
    const ok = await form.submit(unitCreateSchema, { callSign: callSign.trim(), kind }, async (data) => onCreated(await createUnit(data)));
    if (ok) setCallSign('');
  }

  return (
    <form className="commander-card admin-form" onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="unit-create-title" data-testid="unit-create-form">
      <h2 id="unit-create-title" className="card-title">
        {t('admin.units.create.title')}
      </h2>
      <div className="admin-form-fields">
        <Field name="callSign" label={t('admin.units.create.callSign')} hintKey="admin.units.create.callSignHint" errorKey={form.fieldErrors.callSign}>
          <input
            name="callSign"
            dir="auto"
            autoComplete="off"
            spellCheck={false}
            maxLength={limits.callSignMax}
            value={callSign}
            aria-invalid={!!form.fieldErrors.callSign}
            onChange={(e) => setCallSign(e.target.value)}
          />
        </Field>
        <Field name="kind" label={t('admin.units.create.kind')} errorKey={form.fieldErrors.kind}>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
            {unitKinds.map((k) => (
              <option key={k} value={k}>
                {unitKindLabels[k][language]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={form.busy} data-testid="unit-create">
          {t('admin.units.create.submit')}
        </button>
      </div>
      <Notice notice={form.errorKey ? { kind: 'error', key: form.errorKey } : null} testId="unit-create-message" />
    </form>
  );
}
