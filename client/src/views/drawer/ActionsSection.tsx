import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@rasd/shared';
import type { AllowedCommands } from '../../lib/allowed-commands';
import { useStore } from '../../store';
import { ActionForm } from './ActionForm';
import { ActionList } from './ActionList';

/** The recorded legal actions, and for the holder the button and form to record one. */
export function ActionsSection({ incident, allowed }: { incident: Incident; allowed: AllowedCommands }) {
  const { t } = useTranslation();
  const form = useStore((s) => s.actionForm);
  const [recorded, setRecorded] = useState(false);
  const openButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    // Back to the button when the form closes, so the keyboard user is not left on <body>.
    if (wasOpen.current && !form) openButton.current?.focus();
    wasOpen.current = form !== null;
  }, [form]);

  const open = () => {
    setRecorded(false);
    useStore.getState().openActionForm();
  };
  const onRecorded = () => {
    setRecorded(true);
    useStore.getState().closeActionForm();
  };

  return (
    <section className="drawer-section" aria-labelledby="actions-title">
      <h3 id="actions-title" className="section-title">{t('actions.title')}</h3>
      <ActionList actions={incident.actions} canCorrect={allowed.action} />
      {recorded && (
        <p className="form-ok" role="status" data-testid="action-recorded">
          {t('actionForm.recorded')}
        </p>
      )}
      {allowed.action && form && <ActionForm key={form.corrects ?? 'new'} incident={incident} onRecorded={onRecorded} />}
      {allowed.action && !form && (
        <button ref={openButton} type="button" className="button button--primary" data-testid="action-open" onClick={open}>
          {t('actions.record')} <kbd>A</kbd>
        </button>
      )}
    </section>
  );
}
