import { useTranslation } from 'react-i18next';
import type { SocialOrder } from '../lib/social-queue';

export type QueueView = 'all' | 'social';

interface Choice<T extends string> {
  value: T;
  label: string;
}

/** A row of pressed/unpressed buttons choosing one value, like the map's markers/heat switch. */
function Toggle<T extends string>({ label, choices, chosen, onChoose, testId }: { label: string; choices: readonly Choice<T>[]; chosen: T; onChoose: (value: T) => void; testId: string }) {
  return (
    <div className="queue-toggle" role="group" aria-label={label}>
      {choices.map((choice) => (
        <button key={choice.value} type="button" className="button queue-toggle-button" data-testid={`${testId}-${choice.value}`} aria-pressed={chosen === choice.value} onClick={() => onChoose(choice.value)}>
          {choice.label}
        </button>
      ))}
    </div>
  );
}

/** Which queue the panel shows (every incident, or the social one) and how the social one is sorted. */
export function QueueControls({ view, order, onView, onOrder }: { view: QueueView; order: SocialOrder; onView: (view: QueueView) => void; onOrder: (order: SocialOrder) => void }) {
  const { t } = useTranslation();
  return (
    <div className="queue-controls">
      <Toggle
        label={t('queue.label')}
        testId="queue"
        chosen={view}
        onChoose={onView}
        choices={[
          { value: 'all', label: t('queue.all') },
          { value: 'social', label: t('queue.social') },
        ]}
      />
      {view === 'social' && (
        <Toggle
          label={t('queue.order')}
          testId="social-order"
          chosen={order}
          onChoose={onOrder}
          choices={[
            { value: 'viral', label: t('queue.viral') },
            { value: 'newest', label: t('queue.newest') },
          ]}
        />
      )}
    </div>
  );
}
