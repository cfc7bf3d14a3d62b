import { describe, expect, it } from 'vitest';
import { createResumePoint } from './resume-point';

/** A resume point with a 5 s window on a clock the test moves. */
function clocked() {
  let t = 0;
  return { resume: createResumePoint(5_000, () => t), advance: (ms: number) => void (t += ms) };
}

describe('the resume point of a catch-up', () => {
  it('is nothing before the desk holds anything', () => {
    expect(createResumePoint().since()).toBeNull();
  });

  it('starts before a change that arrived within the window of the newest, so one overtaken on the way is fetched', () => {
    const { resume, ...clock } = clocked();
    resume.note(100);
    clock.advance(10_000);
    resume.note(590);
    clock.advance(10_000);
    // Its own instance's 600 arrived; another's 595 was still on its way through Redis when the instance died.
    resume.note(600);
    expect(resume.since()).toBe(590);
  });

  it('moves on as the stream goes on, and ignores seqs that do not rise', () => {
    const { resume, ...clock } = clocked();
    for (let seq = 1; seq <= 100; seq++) {
      resume.note(seq);
      clock.advance(1_000);
    }
    resume.note(50);
    // The newest (100) came at t = 99 s: the highest held by t = 94 s was 95.
    expect(resume.since()).toBe(95);
  });

  it('keeps its point while the desk is away, however long', () => {
    const { resume, ...clock } = clocked();
    resume.note(10);
    clock.advance(6_000);
    resume.note(20);
    clock.advance(3_600_000);
    expect(resume.since()).toBe(10);
  });

  it('starts before everything when all of it arrived within the window', () => {
    const { resume, ...clock } = clocked();
    resume.note(1_000);
    clock.advance(1_000);
    resume.note(1_040);
    expect(resume.since()).toBe(999);
  });
});
