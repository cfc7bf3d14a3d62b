import { useTranslation } from 'react-i18next';
import type { ShiftSummary } from '@rasd/shared';
import { formatElapsed, formatNumber } from '../../i18n/format';
import { useStore } from '../../store';

type Percentiles = ShiftSummary['responseTimes']['alertToClaimMs'];

/** p50 / p90 of each response time; dispatch → on scene appears once dispatch data exists. */
export function ResponseTimes({ times }: { times: ShiftSummary['responseTimes'] }) {
  const { t } = useTranslation();
  const language = useStore((s) => s.language);
  const rows: [string, Percentiles][] = [
    ['alertToClaim', times.alertToClaimMs],
    ['claimToAction', times.claimToActionMs],
    ['verification', times.verificationMs],
    ...(times.dispatchToSceneMs ? ([['dispatchToScene', times.dispatchToSceneMs]] as [string, Percentiles][]) : []),
  ];
  const cell = (ms: number | null) => (ms === null ? '—' : formatElapsed(ms, language));
  return (
    <section className="commander-card" aria-labelledby="response-title" data-testid="response-times">
      <h2 id="response-title" className="card-title">{t('commander.response.title')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('commander.response.measure')}</th>
            <th scope="col">p50</th>
            <th scope="col">p90</th>
            <th scope="col">{t('commander.response.n')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, p]) => (
            <tr key={key} data-testid={`response-${key}`}>
              <th scope="row">{t(`commander.response.${key}`)}</th>
              <td className="num">{cell(p.p50)}</td>
              <td className="num">{cell(p.p90)}</td>
              <td className="num">{formatNumber(p.n, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!times.dispatchToSceneMs && <p className="card-note">{t('commander.response.noDispatch')}</p>}
    </section>
  );
}
