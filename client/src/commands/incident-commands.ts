import type { Incident } from '@rasd/shared';
import type { ClaimFeedback } from '../store/drawer-slice';
import { ApiError } from '../api/http';
import { fetchIncidentDetail, runCommand } from '../api/incidents';
import { useStore, type StoreHandle } from '../store';

export type CommandResult = { ok: true; incident: Incident } | { ok: false; error: ApiError };

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', String(error));
}

/**
 * Runs a call that answers the changed incident and applies the answer at once, so the desk
 * does not wait for its own `incident:upsert`; the seq rule makes the echo harmless.
 */
export async function applyCommand(call: () => Promise<Incident>, store: StoreHandle = useStore): Promise<CommandResult> {
  try {
    const incident = await call();
    store.getState().applyAnswer(incident);
    return { ok: true, incident };
  } catch (error) {
    return { ok: false, error: asApiError(error) };
  }
}

/** The holder's name the server puts in a 409 already_claimed (`details[path=claimedBy]`). */
export function holderOf(error: ApiError): string | null {
  if (error.code !== 'already_claimed') return null;
  return error.details.find((d) => d.path === 'claimedBy')?.message ?? null;
}

/**
 * Claims the incident. A lost race is remembered as "claimed by X" straight from the 409, and the
 * incident is re-read so the holder line is right even if the winner's live update is slow.
 */
export async function claimIncident(id: string, store: StoreHandle = useStore): Promise<CommandResult> {
  store.getState().setClaimFeedback(id, null);
  const seq = store.getState().incidents[id]?.seq ?? 0;
  const result = await applyCommand(() => runCommand(id, 'claim'), store);
  if (result.ok) return result;
  const holder = holderOf(result.error);
  store.getState().setClaimFeedback(id, holder !== null ? { kind: 'lost', holder, seq } : { kind: 'failed', code: result.error.code, seq });
  if (holder !== null) {
    void fetchIncidentDetail(id)
      .then((detail) => store.getState().applyAnswer(detail.incident))
      .catch(() => {
        // The live upsert brings the holder anyway; the 409 already named them.
      });
  }
  return result;
}

/**
 * Whether a failed claim's message still describes the incident: a lost claim while the winner
 * still holds it (or no newer state has arrived yet); any other failure until the incident changes.
 */
export function isClaimFeedbackCurrent(feedback: ClaimFeedback | undefined, incident: Incident): boolean {
  if (!feedback) return false;
  if (incident.seq <= feedback.seq) return true;
  return feedback.kind === 'lost' && incident.claimedBy?.username === feedback.holder;
}
