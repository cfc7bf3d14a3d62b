import { useTranslation } from 'react-i18next';

const shortcuts = [
  { keys: ['↑', '↓'], label: 'keys.move' },
  { keys: ['Enter'], label: 'keys.open' },
  { keys: ['C'], label: 'keys.claim' },
  { keys: ['A'], label: 'keys.action' },
  { keys: ['Esc'], label: 'keys.close' },
] as const;

/** One line under the queue title naming the queue's keyboard shortcuts. */
export function KeyboardHelp() {
  const { t } = useTranslation();
  return (
    <p className="keyboard-help" data-testid="keyboard-help" aria-label={t('keys.title')}>
      {shortcuts.map(({ keys, label }) => (
        <span key={label} className="keyboard-help-item">
          {keys.map((key) => (
            <kbd key={key} dir="ltr">{key}</kbd>
          ))}{' '}
          {t(label)}
        </span>
      ))}
    </p>
  );
}
