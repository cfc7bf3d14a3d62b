import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@rasd/shared';
import { runCommand, type SimpleCommand } from '../../api/incidents';
import { applyCommand, claimIncident, isClaimFeedbackCurrent } from '../../commands/incident-commands';
import type { AllowedCommands } from '../../lib/allowed-commands';
import { useStore } from '../../store';
import { errorKey } from './error-key';
import { HandoverPicker } from './HandoverPicker';

/** Who holds the incident, why a claim failed, and the claim / release / hand-over / take-over / close buttons. */
export function ClaimControls({ incident, allowed }: { incident: Incident; allowed: AllowedCommands }) {
  const { t } = useTranslation();
  const me = useStore((s) => s.user?.id);
  const stored = useStore((s) => s.claimFeedback[incident.id]);
  const feedback = isClaimFeedbackCurrent(stored, incident) ? stored : undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [handingOver, setHandingOver] = useState(false);
  const holder = incident.claimedBy;

  async function run(command: SimpleCommand) {
    setBusy(true);
    setError(null);
    const result = command === 'claim' ? await claimIncident(incident.id) : await applyCommand(() => runCommand(incident.id, command));
    setBusy(false);
    // A lost claim is shown from the store (claim-error), so the keyboard path shows it too.
    if (!result.ok && command !== 'claim') setError(errorKey(result.error.code));
  }

  const button = (command: SimpleCommand, label: string, primary = false) => (
    <button
      type="button"
      className={'button' + (primary ? ' button--primary' : '')}
      data-testid={command + '-button'}
      disabled={busy}
      onClick={() => void run(command)}
    >
      {label}
    </button>
  );

  return (
    <section className="drawer-section claim" aria-label={t('claim.section')}>
      <p className={'claim-holder' + (holder ? ' claim-holder--held' : '')} data-testid="claim-holder" data-holder={holder?.username ?? ''}>
        {holder === null ? t('claim.unclaimed')
          : holder.userId === me ? t('claim.holderYou', { name: holder.username })
          : t('claim.holder', { name: holder.username })}
      </p>
      {feedback && (
        <p className="form-error" role="alert" data-testid="claim-error">
          {feedback.kind === 'lost' ? t('claim.lost', { name: feedback.holder }) : t(errorKey(feedback.code))}
        </p>
      )}
      <div className="button-row">
        {allowed.claim && button('claim', t('claim.claim'), true)}
        {allowed.takeover && button('takeover', t('claim.takeover'))}
        {allowed.close && button('close', t('claim.close'), true)}
        {allowed.release && button('release', t('claim.release'))}
        {allowed.handover && (
          <button
            type="button"
            className="button"
            data-testid="handover-button"
            aria-expanded={handingOver}
            disabled={busy}
            onClick={() => setHandingOver((open) => !open)}
          >
            {t('claim.handover')}
          </button>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="command-error">
          {t(error)}
        </p>
      )}
      {handingOver && allowed.handover && <HandoverPicker incident={incident} onDone={() => setHandingOver(false)} />}
    </section>
  );
}
