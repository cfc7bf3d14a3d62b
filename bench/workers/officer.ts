/** A fourth process of the dashboard benchmark: an officer working the queue (see lib/officer.ts). */
import { serveRpc } from '../lib/ipc';
import { abortOfficer, runOfficer, type OfficerPlan } from '../lib/officer';

serveRpc({
  run: (plan: OfficerPlan) => runOfficer(plan),
  abort: () => abortOfficer(),
});
