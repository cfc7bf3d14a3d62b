import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useStore } from '../../store';
import { LoadStatus } from './LoadStatus';
import { Notice, type NoticeText } from './Notice';
import type { Loaded } from './use-load';

interface Props {
  /** Names the card's i18n keys (`admin.<name>.title`, `.empty`, `.columns.<column>`) and test ids. */
  name: 'users' | 'units' | 'webhooks';
  loaded: Loaded<unknown>;
  count: number;
  /** The outcome of the last action on a row. */
  notice: NoticeText | null;
  columns: readonly string[];
  /** The table's rows, drawn once there are any. */
  children: ReactNode;
}

/** A list on the admin page: its title and count, loading, failure and empty states, and the table. */
export function AdminListCard({ name, loaded, count, notice, columns, children }: Props) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  return (
    <section className="commander-card" aria-labelledby={`${name}-title`}>
      <h2 id={`${name}-title`} className="card-title">
        {t(`admin.${name}.title`)} {loaded.data !== null && <span className="panel-count">{formatNumber(count, language)}</span>}
      </h2>
      <Notice notice={notice} testId={`${name}-notice`} />
      <LoadStatus loaded={loaded} count={count} emptyKey={`admin.${name}.empty`} testId={name} />
      {count > 0 && (
        <div className="table-scroll">
          <table className="data-table admin-table" data-testid={`${name}-table`}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {t(`admin.${name}.columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
