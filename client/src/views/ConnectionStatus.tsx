import { useTranslation } from 'react-i18next';
import { useStore } from '../store';

export function ConnectionStatus() {
  const { t } = useTranslation();
  const connection = useStore((s) => s.connection);
  const everConnected = useStore((s) => s.everConnected);
  const text =
    connection === 'reconnecting' && !everConnected ? t('connection.connecting') : t('connection.' + connection);
  return (
    <div className={'connection connection--' + connection} data-testid="connection-status" data-state={connection} role="status" aria-live="polite">
      <span className="connection-dot" aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}
