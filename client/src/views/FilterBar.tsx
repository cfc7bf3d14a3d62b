import type { FocusEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { alertKinds, corridors, incidentSources, kindLabels, sourceLabels, statusLabels, type IncidentStatus } from '@rasd/shared';
import { formatNumber } from '../i18n/format';
import { activeFilterCount, noCorridor, type FilterField, type Filters } from '../lib/filters';
import { useStore } from '../store';

/** The queue shows only active incidents, so only their statuses are offered. */
const activeStatuses: readonly IncidentStatus[] = ['new', 'verifying', 'verified', 'claimed', 'dispatched', 'actioned'];

interface Option {
  value: string;
  label: string;
}

/** Escape or leaving the menu closes it; Escape gives focus back to its button. */
function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
  if (event.key !== 'Escape' || !event.currentTarget.open) return;
  event.preventDefault(); // keeps the drawer's Escape from also firing
  event.currentTarget.open = false;
  event.currentTarget.querySelector('summary')?.focus();
}
function closeOnLeave(event: FocusEvent<HTMLDetailsElement>) {
  if (!event.currentTarget.contains(event.relatedTarget as Node | null)) event.currentTarget.open = false;
}

function FilterGroup({ field, title, options }: { field: FilterField; title: string; options: readonly Option[] }) {
  const language = useStore((s) => s.language);
  const chosen = useStore((s) => s.filters[field]) as readonly string[];
  return (
    <details className="filter" data-testid={'filter-' + field} onKeyDown={closeOnEscape} onBlur={closeOnLeave}>
      <summary className="button filter-button">
        {title}
        {chosen.length > 0 && <span className="filter-count">{formatNumber(chosen.length, language)}</span>}
      </summary>
      <fieldset className="filter-menu">
        <legend className="filter-legend">{title}</legend>
        {options.map((option) => (
          <label key={option.value} className="filter-option">
            <input
              type="checkbox"
              value={option.value}
              checked={chosen.includes(option.value)}
              onChange={() => useStore.getState().toggleFilter(field, option.value as Filters[typeof field][number])}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}

/** Filters (corridor, kind, source, status) for the queue and the map, and the markers/heat switch. */
export function FilterBar() {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const filters = useStore((s) => s.filters);
  const mapMode = useStore((s) => s.mapMode);
  const count = activeFilterCount(filters);
  const name = (ar: string, en: string) => (language === 'ar' ? ar : en);

  const corridorOptions: Option[] = [
    ...corridors.features.map((f) => ({ value: f.properties.id, label: name(f.properties.name_ar, f.properties.name_en) })),
    { value: noCorridor, label: t('incidents.noCorridor') },
  ];
  return (
    <section className="filter-bar" aria-label={t('filters.label')} data-testid="filter-bar">
      <FilterGroup field="corridors" title={t('filters.corridor')} options={corridorOptions} />
      <FilterGroup field="kinds" title={t('filters.kind')} options={alertKinds.map((k) => ({ value: k, label: kindLabels[k][language] }))} />
      <FilterGroup field="sources" title={t('filters.source')} options={incidentSources.map((s) => ({ value: s, label: sourceLabels[s][language] }))} />
      <FilterGroup field="statuses" title={t('filters.status')} options={activeStatuses.map((s) => ({ value: s, label: statusLabels[s][language] }))} />
      {count > 0 && (
        <button type="button" className="button button--quiet" data-testid="filters-clear" onClick={() => useStore.getState().clearFilters()}>
          {t('filters.clear', { n: formatNumber(count, language) })}
        </button>
      )}
      <div className="map-mode" role="group" aria-label={t('map.mode')}>
        {(['markers', 'heat'] as const).map((mode) => (
          <button
            key={mode}
            type="button"
            className="button map-mode-button"
            data-testid={'map-mode-' + mode}
            aria-pressed={mapMode === mode}
            onClick={() => useStore.getState().setMapMode(mode)}
          >
            {t('map.' + mode)}
          </button>
        ))}
      </div>
    </section>
  );
}
