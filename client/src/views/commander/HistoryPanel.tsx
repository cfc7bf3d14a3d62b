import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { limits, type HistoryPage } from '@rasd/shared';
import { historyCsvUrl, searchHistory } from '../../api/commander';
import { formatNumber } from '../../i18n/format';
import { emptyHistoryFilters, historyChoices, historyFilterErrors, historySearchParams, labelOf, type HistoryFilters } from '../../lib/commander';
import { useStore } from '../../store';
import { commanderErrorKey } from './error-key';
import { IncidentTable } from './IncidentTable';
import { PastIncident } from './PastIncident';

const pageSize = 25;

/** Search past incidents by plate, corridor, kind, status, officer and days; open one; export CSV. */
export function HistoryPanel() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const canExport = useStore((s) => s.user?.role === 'commander' || s.user?.role === 'admin');
  const [form, setForm] = useState<HistoryFilters>(emptyHistoryFilters);
  const [query, setQuery] = useState<{ filters: HistoryFilters; offset: number } | null>(null);
  const [page, setPage] = useState<HistoryPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const invalid = historyFilterErrors(form);

  async function run(filters: HistoryFilters, offset: number) {
    setBusy(true);
    setError(null);
    try {
      setPage(await searchHistory(historySearchParams(filters, { limit: pageSize, offset })));
      setQuery({ filters, offset });
    } catch (e) {
      setError(commanderErrorKey(e));
    } finally {
      setBusy(false);
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (Object.keys(invalid).length === 0) void run(form, 0);
  };
  const set = (key: keyof HistoryFilters) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const select = (key: keyof HistoryFilters, options: readonly string[], dimension: Parameters<typeof labelOf>[0]) => (
    <select name={key} value={form[key]} onChange={set(key)} data-testid={`history-${key}`}>
      <option value="">{t('commander.history.any')}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {labelOf(dimension, o, language)}
        </option>
      ))}
    </select>
  );

  if (openId) return <PastIncident id={openId} onBack={() => setOpenId(null)} />;

  const pages = page ? Math.max(1, Math.ceil(page.total / pageSize)) : 1;
  const current = page ? Math.floor(page.offset / pageSize) + 1 : 1;
  return (
    <div className="history-panel" data-testid="history-panel">
      <form className="commander-card history-form" onSubmit={onSubmit} data-testid="history-form">
        <label className="field">
          <span className="field-label">{t('commander.history.plate')}</span>
          <input name="plate" dir="auto" maxLength={limits.plateMax} placeholder={t('commander.history.plateHint')} value={form.plate} onChange={set('plate')} aria-invalid={!!invalid.plate} />
          {invalid.plate && <span className="field-error">{t('commander.history.errors.plate')}</span>}
        </label>
        <label className="field">
          <span className="field-label">{t('commander.history.corridor')}</span>
          {select('corridorId', historyChoices.corridors, 'corridor')}
        </label>
        <label className="field">
          <span className="field-label">{t('commander.history.kind')}</span>
          {select('kind', historyChoices.kinds, 'kind')}
        </label>
        <label className="field">
          <span className="field-label">{t('commander.history.status')}</span>
          {select('status', historyChoices.statuses, 'status')}
        </label>
        <label className="field">
          <span className="field-label">{t('commander.history.officer')}</span>
          <input name="officer" dir="auto" maxLength={limits.usernameMax} value={form.officer} onChange={set('officer')} />
        </label>
        <label className="field">
          <span className="field-label">{t('commander.history.from')}</span>
          <input name="fromDay" type="date" value={form.fromDay} onChange={set('fromDay')} />
        </label>
        <label className="field">
          <span className="field-label">{t('commander.history.to')}</span>
          <input name="toDay" type="date" value={form.toDay} onChange={set('toDay')} aria-invalid={!!invalid.toDay} />
          {invalid.toDay && <span className="field-error">{t('commander.history.errors.range')}</span>}
        </label>
        <div className="button-row history-buttons">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="history-search">
            {t('commander.history.search')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setForm(emptyHistoryFilters)}>
            {t('commander.history.reset')}
          </button>
          {canExport && query && (
            // The export takes exactly the filters of the results on screen.
            <a className="button" href={historyCsvUrl(historySearchParams(query.filters, { limit: pageSize, offset: 0 }))} download data-testid="history-export">
              {t('commander.history.export')}
            </a>
          )}
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      )}
      {page && (
        <section className="commander-card" aria-live="polite">
          <h2 className="card-title" data-testid="history-total" data-total={page.total}>
            {t('commander.history.results', { count: page.total, n: formatNumber(page.total, language) })}
          </h2>
          {page.incidents.length === 0 ? (
            <p className="card-note">{t('commander.history.none')}</p>
          ) : (
            <IncidentTable rows={page.incidents} testId="history-results" onOpen={setOpenId} showActions />
          )}
          {pages > 1 && query && (
            <div className="pager">
              <button type="button" className="button" disabled={busy || current <= 1} onClick={() => void run(query.filters, query.offset - pageSize)} data-testid="history-prev">
                {t('commander.history.prev')}
              </button>
              <span>{t('commander.history.pageOf', { page: formatNumber(current, language), pages: formatNumber(pages, language) })}</span>
              <button type="button" className="button" disabled={busy || current >= pages} onClick={() => void run(query.filters, query.offset + pageSize)} data-testid="history-next">
                {t('commander.history.next')}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
