export type CommanderRoute = { page: 'commander' } | { page: 'report'; at: string | null };

/** `/commander` is the commander's page; `/commander/report?at=ISO` its printable shift report. */
export function commanderRouteOf(pathname: string, search: string): CommanderRoute | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === '/commander') return { page: 'commander' };
  if (path === '/commander/report') {
    const at = new URLSearchParams(search).get('at');
    return { page: 'report', at: at && !Number.isNaN(Date.parse(at)) ? at : null };
  }
  return null;
}
