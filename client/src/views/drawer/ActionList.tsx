import { useTranslation } from 'react-i18next';
import { legalActionLabels, type LegalAction } from '@rasd/shared';
import { formatIncidentTime } from '../../i18n/format';
import { useStore } from '../../store';

const anchorOf = (id: string) => 'action-' + id;

/**
 * Recorded legal actions, oldest first, never edited: a correction is a new entry pointing at
 * the one it corrects, and the corrected entry says so.
 */
export function ActionList({ actions, canCorrect }: { actions: readonly LegalAction[]; canCorrect: boolean }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  if (actions.length === 0) return <p className="muted" data-testid="actions-empty">{t('actions.none')}</p>;
  const corrected = new Set(actions.map((a) => a.corrects).filter((id): id is string => id !== null));
  const byId = new Map(actions.map((a) => [a.id, a]));

  return (
    <ol className="action-list" data-testid="action-list">
      {actions.map((action) => {
        const target = action.corrects ? byId.get(action.corrects) : undefined;
        return (
          <li
            key={action.id}
            id={anchorOf(action.id)}
            className={'action-item' + (corrected.has(action.id) ? ' action-item--corrected' : '')}
            data-testid="action-item"
            data-action-type={action.type}
            tabIndex={-1}
          >
            <div className="action-head">
              <strong>{legalActionLabels[action.type][language]}</strong>
              {corrected.has(action.id) && <span className="tag">{t('actions.corrected')}</span>}
            </div>
            <dl className="action-fields">
              {action.plate && (
                <div>
                  <dt>{t('actions.plate')}</dt>
                  <dd><bdi className="plate" data-testid="action-plate">{action.plate}</bdi></dd>
                </div>
              )}
              {action.caseNumber && (
                <div>
                  <dt>{t('actions.caseNumber')}</dt>
                  <dd><bdi data-testid="action-case-number">{action.caseNumber}</bdi></dd>
                </div>
              )}
              {action.notes && (
                <div>
                  <dt>{t('actions.notes')}</dt>
                  <dd className="action-notes" dir="auto">{action.notes}</dd>
                </div>
              )}
            </dl>
            <p className="action-meta">
              <bdi>{action.by.username}</bdi> · <time dateTime={action.at}>{formatIncidentTime(action.at, language)}</time>
              {action.corrects && (
                <>
                  {' · '}
                  <a href={'#' + anchorOf(action.corrects)} data-testid="corrects-link">
                    {t('actions.corrects', {
                      action: target ? legalActionLabels[target.type][language] : '—',
                      time: target ? formatIncidentTime(target.at, language) : '—',
                    })}
                  </a>
                </>
              )}
            </p>
            {canCorrect && (
              <button
                type="button"
                className="button button--small"
                data-testid="correct-button"
                onClick={() => useStore.getState().openActionForm(action.id)}
              >
                {t('actions.correct')}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
