import { fmt, fmtInt, fmtPct, fmtRatio, table } from '../lib/report';
import { serverLabels } from '../lib/server-process';
import type { AggregateRow, LatencyResult } from './latency';

/** Section 1's tables: every cell's rows for both servers (and any floors run), then the Rasd/ws ratios. */
export function latencyTables(result: LatencyResult): string {
  const rows: string[][] = [];
  for (const cell of result.cells) {
    for (const row of [cell.rasd, cell.ws, ...(cell.floors ?? [])]) {
      if (!row) continue;
      const flags = [
        row.clientLimited ? 'limited by the test clients' : '',
        row.producerLimited ? 'limited by the producer' : '',
      ].filter(Boolean);
      rows.push([
        `${fmtInt(row.clients)} × ${fmtInt(row.rate)}/s`,
        serverLabels[row.server],
        fmt(row.p50),
        fmt(row.p90),
        fmt(row.p99),
        fmt(row.max, 0),
        fmtInt(row.achievedRate),
        fmtInt(row.deliveriesPerS),
        fmtInt(row.framesPerS),
        fmtPct(row.deliveryRatio),
        fmtInt(row.serverCpuPct) + '%',
        fmtInt(row.serverRssMb),
        fmtInt(row.clientCpuPct) + '%',
        row.sustainable,
        flags.join(', '),
      ]);
    }
  }
  const main = table(
    ['C × R', 'server', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'achieved R/s', 'deliveries/s', 'frames/s', 'delivered', 'server CPU', 'server RSS MB', 'clients CPU', 'sustainable', 'flags'],
    rows,
  );
  // A ratio of two backlogs says nothing, nor one whose latency is the test clients' queue: it is
  // marked unless both servers kept up in most runs and neither's clients were saturated.
  const keptUp = (row: AggregateRow | null) => {
    const [ok = 0, all = 0] = (row?.sustainable ?? '0/0').split('/').map(Number);
    return all > 0 && ok * 2 > all;
  };
  const comparable = (c: (typeof result.cells)[number]) => {
    const notKept = [keptUp(c.rasd) ? '' : 'Rasd', keptUp(c.ws) ? '' : 'ws'].filter(Boolean);
    const saturated = [c.rasd?.clientLimited ? 'Rasd' : '', c.ws?.clientLimited ? 'ws' : ''].filter(Boolean);
    const why = [
      notKept.length ? `${notKept.join(' and ')} not sustainable` : '',
      saturated.length ? `${saturated.join(' and ')} limited by the test clients` : '',
    ].filter(Boolean);
    return why.length ? `no: ${why.join('; ')}` : 'yes';
  };
  const ratios = table(
    ['C × R', 'Rasd/ws p50', 'Rasd/ws p99', 'p99 ratio range (per rep)', 'comparable'],
    result.cells.map((c) => [
      `${fmtInt(c.clients)} × ${fmtInt(c.rate)}/s`,
      fmtRatio(c.ratioP50),
      fmtRatio(c.ratioP99),
      Number.isFinite(c.ratioP99Min) ? `${fmtRatio(c.ratioP99Min)} – ${fmtRatio(c.ratioP99Max)}` : '—',
      comparable(c),
    ]),
  );
  return `${main}\n\n${ratios}`;
}
