import type { ReactNode } from 'react';

/**
 * A row of tabs for one tab panel (commander and admin pages): button ids and test ids are
 * `${prefix}${id}`, so the panel can name its tab in `aria-labelledby`. `children` follow the tabs.
 */
export function TabList<T extends string>(props: {
  ids: readonly T[];
  current: T;
  onChoose: (id: T) => void;
  label: string;
  labelOf: (id: T) => string;
  prefix: string;
  panelId: string;
  children?: ReactNode;
}) {
  const { ids, current, onChoose, label, labelOf, prefix, panelId, children } = props;
  return (
    <div className="commander-tabs" role="tablist" aria-label={label}>
      {ids.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={prefix + id}
          aria-selected={current === id}
          aria-controls={panelId}
          className="commander-tab"
          data-testid={prefix + id}
          onClick={() => onChoose(id)}
        >
          {labelOf(id)}
        </button>
      ))}
      {children}
    </div>
  );
}
