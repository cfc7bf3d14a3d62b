import { describe, expect, it } from 'vitest';
import { createGroupCommit, type Settled } from './group-commit';

/** A batch runner whose batches finish only when the test says so, recording what each batch held. */
function controlledRunner() {
  const batches: number[][] = [];
  const finish: (() => void)[] = [];
  const run = (items: readonly number[]) =>
    new Promise<Settled<string>[]>((resolve) => {
      batches.push([...items]);
      finish.push(() => resolve(items.map((n) => (n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: `v${n}` }))));
    });
  return { batches, finish, run };
}
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('groups what arrives in one turn of the event loop, and what arrives while a batch is running', async () => {
    const { batches, finish, run } = controlledRunner();
    const commits = createGroupCommit(run, 10);
    const first = commits.submit(1);
    const sameTurn = commits.submit(5);
    expect(batches).toEqual([]);
    await tick();
    expect(batches).toEqual([[1, 5]]);
    const later = [2, 3, 4].map((n) => commits.submit(n));
    expect(commits.waiting).toBe(3);
    finish[0]!();
    expect([await first, await sameTurn]).toEqual(['v1', 'v5']);
    await tick();
    expect(batches).toEqual([[1, 5], [2, 3, 4]]);
    finish[1]!();
    expect(await Promise.all(later)).toEqual(['v2', 'v3', 'v4']);
    expect(commits.waiting).toBe(0);
  });

  it('caps a batch at its maximum and keeps the order of submission', async () => {
    const { batches, finish, run } = controlledRunner();
    const commits = createGroupCommit(run, 2);
    const all = [1, 2, 3, 4, 5].map((n) => commits.submit(n));
    for (let i = 0; i < 3; i++) {
      // One turn for the finished batch to hand over, one for the next to start.
      await tick();
      await tick();
      finish[i]!();
    }
    expect(await Promise.all(all)).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('answers each item with its own outcome: one failure does not fail the others', async () => {
    const { finish, run } = controlledRunner();
    const commits = createGroupCommit(run, 10);
    const [good, bad] = [commits.submit(7), commits.submit(-1)];
    await tick();
    finish[0]!();
    expect(await good).toBe('v7');
    await expect(bad).rejects.toThrow('bad -1');
  });

  it('rejects every item of a batch whose run throws, and goes on with the next batch', async () => {
    let calls = 0;
    const commits = createGroupCommit(async (items: readonly number[]) => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
      return items.map((n) => ({ ok: true as const, value: n * 2 }));
    }, 10);
    await expect(commits.submit(1)).rejects.toThrow('database down');
    expect(await commits.submit(2)).toBe(4);
  });
});
