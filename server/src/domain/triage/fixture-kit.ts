import type { AlertKind } from '@rasd/shared';

/**
 * A hand-labelled citizen post. Labels say what a duty officer reading the post would record:
 * `kind` null when the post is not about traffic at all, 'other' when it is about traffic but not
 * one of the four behaviours; `corridorId` only when the post puts the event on one of the 13
 * corridors (naming it, or a place that is part of it); `plate` in canonical form.
 */
export interface TriageFixture {
  text: string;
  kind: AlertKind | null;
  corridorId: string | null;
  plate: string | null;
}

export const fx = (text: string, kind: AlertKind | null, corridorId: string | null, plate: string | null = null): TriageFixture => ({
  text,
  kind,
  corridorId,
  plate,
});
