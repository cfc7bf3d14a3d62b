import { normalisePlate } from '@rasd/shared';

export type PlateMatch = 'same' | 'similar' | 'different' | 'unknown';

function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}

/**
 * Whether two plate reads can be the same vehicle. Plate OCR misreads one or two characters
 * (a dotted letter, a digit), so a near read is `similar`, not a different car.
 */
export function comparePlates(a: string | null | undefined, b: string | null | undefined): PlateMatch {
  const x = a ? normalisePlate(a) : null;
  const y = b ? normalisePlate(b) : null;
  if (!x || !y) return 'unknown';
  if (x === y) return 'same';
  const chars = (p: string) => [...p.replace(/ /g, '')];
  const [cx, cy] = [chars(x), chars(y)];
  // Short plates leave little to compare: allow one misread there, two on longer ones.
  const allowed = Math.min(cx.length, cy.length) >= 5 ? 2 : 1;
  return editDistance(cx, cy) <= allowed ? 'similar' : 'different';
}

/** The plate most cameras read (normalised); ties go to the latest read. */
export function consensusPlate(reads: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const read of reads) {
    const plate = read ? normalisePlate(read) : null;
    if (!plate) continue;
    counts.set(plate, (counts.get(plate) ?? 0) + 1);
    if (best === null || counts.get(plate)! >= counts.get(best)!) best = plate;
  }
  return best;
}
