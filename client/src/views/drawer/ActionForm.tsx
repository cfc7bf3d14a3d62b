import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { legalActionSpec, legalActionTypeSchema, limits, proposedActions, type Incident } from '@rasd/shared';
import { recordAction } from '../../api/incidents';
import { applyCommand } from '../../commands/incident-commands';
import {
  caseNumberError,
  isRequired,
  plateFeedback,
  serverFieldErrors,
  validateActionForm,
  visibleFields,
  type ActionFormValues,
  type FieldError,
  type FieldErrors,
} from '../../lib/action-form';
import { useStore } from '../../store';
import { errorKey } from './error-key';

function initialValues(incident: Incident, corrects: string | null): ActionFormValues {
  const previous = corrects ? incident.actions.find((a) => a.id === corrects) : undefined;
  if (previous) {
    return { type: previous.type, plate: previous.plate ?? '', caseNumber: previous.caseNumber ?? '', notes: previous.notes ?? '', corrects };
  }
  const track = incident.source === 'camera' ? 'camera' : 'social';
  return { type: proposedActions(track)[0]!.type, plate: incident.plate ?? '', caseNumber: '', notes: '', corrects: null };
}

/** The legal action form of the holder: the catalog's fields per type, checked live with the shared rules. */
export function ActionForm({ incident, onRecorded }: { incident: Incident; onRecorded: () => void }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const corrects = useStore((s) => s.actionForm?.corrects ?? null);
  const [values, setValues] = useState(() => initialValues(incident, corrects));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const typeRef = useRef<HTMLSelectElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => typeRef.current?.focus(), []);

  const track = incident.source === 'camera' ? 'camera' : 'social';
  const specs = proposedActions(track);
  const ownTrack = specs.filter((s) => s.tracks.length === 1);
  const others = specs.filter((s) => s.tracks.length !== 1);
  const fields = visibleFields(values.type);
  const plate = plateFeedback(values.plate);
  // Format problems show while typing; "required" waits for the submit, so an empty form is not red.
  const shown: FieldErrors = {
    ...errors,
    ...(plate.error ? { plate: plate.error } : {}),
    ...(caseNumberError(values.caseNumber) ? { caseNumber: caseNumberError(values.caseNumber)! } : {}),
  };
  const set = (field: keyof ActionFormValues, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field as keyof FieldErrors]: _dropped, form: _form, ...rest }) => rest);
  };
  const message = (error: FieldError | undefined) =>
    error && t('actionForm.errors.' + error.key, { message: error.serverMessage ?? '' });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const { request, errors: invalid } = validateActionForm(values);
    if (!request) {
      setErrors(invalid);
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    const result = await applyCommand(() => recordAction(incident.id, request));
    setBusy(false);
    if (result.ok) return onRecorded();
    setErrors(
      result.error.code === 'invalid_input'
        ? serverFieldErrors(result.error.details, result.error.message)
        : { form: { key: 'server', serverMessage: t(errorKey(result.error.code)) } },
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Escape cancels the form only; the drawer's own Escape sees defaultPrevented and stays open.
    event.preventDefault();
    useStore.getState().closeActionForm();
  };

  const field = (name: 'plate' | 'caseNumber', hint: string, extra: ReactNode = null) => (
    <label className="field">
      <span className="field-label">
        {t('actionForm.' + name)} {isRequired(values.type, name) && <span className="required">({t('actionForm.required')})</span>}
      </span>
      <input
        name={name}
        value={values[name]}
        onChange={(e) => set(name, e.target.value)}
        maxLength={name === 'plate' ? limits.plateMax : limits.caseNumberMax}
        dir="auto"
        autoComplete="off"
        aria-invalid={shown[name] ? true : undefined}
        aria-describedby={`${name}-hint ${name}-error`}
      />
      <span className="field-hint" id={`${name}-hint`}>{hint}</span>
      {extra}
      {shown[name] && <span className="field-error" id={`${name}-error`} data-testid={`${name}-error`}>{message(shown[name])}</span>}
    </label>
  );

  const target = corrects ? incident.actions.find((a) => a.id === corrects) : undefined;
  return (
    <form ref={formRef} className="action-form" data-testid="action-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
      <h3 className="section-title">{t('actionForm.title')}</h3>
      {target && (
        <p className="correcting" data-testid="correcting">
          {t('actionForm.correcting', { action: legalActionSpec(target.type).label[language] })}
        </p>
      )}
      <label className="field">
        <span className="field-label">{t('actionForm.type')}</span>
        <select
          ref={typeRef}
          name="type"
          value={values.type}
          onChange={(e) => set('type', legalActionTypeSchema.parse(e.target.value))}
        >
          <optgroup label={t('actionForm.trackGroup.' + track)}>
            {ownTrack.map((s) => <option key={s.type} value={s.type}>{s.label[language]}</option>)}
          </optgroup>
          <optgroup label={t('actionForm.otherGroup')}>
            {others.map((s) => <option key={s.type} value={s.type}>{s.label[language]}</option>)}
          </optgroup>
        </select>
      </label>
      <p className="statute" data-testid="statute">
        <span className="statute-label">{t('actionForm.statute')}</span> <bdi>{legalActionSpec(values.type).statute[language]}</bdi>
        <span className="statute-note"> — {t('actionForm.statuteNote')}</span>
      </p>
      {fields.includes('plate') &&
        field('plate', t('actionForm.plateHint'), plate.canonical && (
          <output className="plate-canonical" data-testid="plate-canonical">
            {t('actionForm.canonical')} <bdi className="plate">{plate.canonical}</bdi>
          </output>
        ))}
      {fields.includes('caseNumber') && field('caseNumber', t('actionForm.caseNumberHint'))}
      <label className="field">
        <span className="field-label">
          {t('actionForm.notes')} <span className="required">({t(isRequired(values.type, 'notes') ? 'actionForm.required' : 'actionForm.optional')})</span>
        </span>
        <textarea
          name="notes"
          rows={3}
          value={values.notes}
          onChange={(e) => set('notes', e.target.value)}
          maxLength={limits.notesMax}
          dir="auto"
          aria-invalid={shown.notes ? true : undefined}
          aria-describedby="notes-error"
        />
        {shown.notes && <span className="field-error" id="notes-error" data-testid="notes-error">{message(shown.notes)}</span>}
      </label>
      {(shown.form ?? shown.type ?? shown.corrects) && (
        <p className="form-error" role="alert" data-testid="action-error">
          {message(shown.form ?? shown.type ?? shown.corrects)}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" data-testid="action-submit" disabled={busy}>
          {busy ? t('actionForm.submitting') : t('actionForm.submit')}
        </button>
        <button type="button" className="button" onClick={() => useStore.getState().closeActionForm()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
