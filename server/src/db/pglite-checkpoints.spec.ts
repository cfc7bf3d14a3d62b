import { describe, expect, it } from 'vitest';
import { checkpointDue, type CheckpointPolicy } from './pglite-checkpoints';

describe('checkpointDue', () => {
  const policy: CheckpointPolicy = { checkEveryMs: 10_000, maxWalBytes: 32 * 2 ** 20, maxAgeMs: 300_000 };
  const mb = 2 ** 20;

  it('checkpoints once a crash would replay the WAL budget, however recent the last one', () => {
    expect(checkpointDue({ replayBytes: 32 * mb, writtenSinceBytes: 32 * mb, ageMs: 1_000 }, policy)).toBe(true);
    expect(checkpointDue({ replayBytes: 32 * mb - 1, writtenSinceBytes: 32 * mb - 1, ageMs: 1_000 }, policy)).toBe(false);
  });

  it('checkpoints an old checkpoint when anything was written since, however little', () => {
    expect(checkpointDue({ replayBytes: 8_000, writtenSinceBytes: 8_000, ageMs: 300_000 }, policy)).toBe(true);
    expect(checkpointDue({ replayBytes: 8_000, writtenSinceBytes: 8_000, ageMs: 299_999 }, policy)).toBe(false);
  });

  it('leaves an idle database alone: its last checkpoint record is all the WAL since', () => {
    expect(checkpointDue({ replayBytes: 208, writtenSinceBytes: 120, ageMs: 86_400_000 }, policy)).toBe(false);
  });
});
