import type { TriageFixture } from './fixture-kit';
import { holdoutFixtures } from './fixtures-holdout';
import { holdoutBFixtures } from './fixtures-holdout-b';
import { otherFixtures } from './fixtures-other';
import { racingFixtures } from './fixtures-racing';
import { recklessFixtures } from './fixtures-reckless';
import { speedingFixtures } from './fixtures-speeding';
import { wrongWayFixtures } from './fixtures-wrong-way';

export type { TriageFixture } from './fixture-kit';

/**
 * Development fixtures: written, labelled, before the lexicon; the lexicon was then built with
 * them in view (never with an entry copied from one post), so they score optimistically.
 */
export const developmentFixtures: readonly TriageFixture[] = [
  ...wrongWayFixtures,
  ...recklessFixtures,
  ...racingFixtures,
  ...speedingFixtures,
  ...otherFixtures,
];

export { holdoutBFixtures, holdoutFixtures };

/** Every labelled post: development and both held-out sets. */
export const fixtures: readonly TriageFixture[] = [...developmentFixtures, ...holdoutFixtures, ...holdoutBFixtures];
