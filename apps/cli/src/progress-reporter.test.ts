import { describe, expect, it } from 'vitest';
import type { CliIo } from './cli-io.js';
import { progressReporter, type ProgressClock } from './progress-reporter.js';
import { memoryIo } from './test-support/memory-io.js';

/** A terminal stand-in: records stderr, claims to be a TTY, colour unless NO_COLOR is given. */
function ttyIo(env: Record<string, string> = {}): CliIo & { err: () => string; out: () => string } {
  const io = memoryIo();
  return { ...io, env, interactive: true };
}

function fakeClock(): ProgressClock & { advance(ms: number): void; ticking: () => boolean } {
  let now = 0;
  let tick: (() => void) | undefined;
  return {
    now: () => now,
    setInterval: (callback) => {
      tick = callback;
      return 1;
    },
    clearInterval: () => {
      tick = undefined;
    },
    advance(ms) {
      for (let step = 0; step < ms; step += 120) {
        now += Math.min(120, ms - step);
        tick?.();
      }
    },
    ticking: () => tick !== undefined,
  };
}

const ANSI_COLOUR = /\x1b\[[0-9;]*m/;
const lastLine = (text: string) => text.split('\r').at(-1)!.replace('\x1b[2K', '');

describe('progressReporter', () => {
  it('shows nothing when stderr is not a terminal, or with --quiet', () => {
    for (const [io, quiet] of [
      [memoryIo(), false],
      [ttyIo(), true],
    ] as const) {
      const clock = fakeClock();
      const progress = progressReporter(io, quiet, clock);
      expect(progress.onProgress).toBeUndefined();
      clock.advance(1000);
      progress.finish();
      expect(io.err()).toBe('');
      expect(clock.ticking()).toBe(false);
    }
  });

  it('redraws one line per stage on a terminal, ticks while a stage is silent, and ends with stage timings', () => {
    const io = ttyIo({ NO_COLOR: '1' });
    const clock = fakeClock();
    const progress = progressReporter(io, false, clock);
    expect(lastLine(io.err())).toMatch(/^\S reading the source 0\.0s$/);
    clock.advance(2400); // a slow Marathon: the elapsed time still moves
    expect(lastLine(io.err())).toMatch(/reading the source 2\.4s$/);
    progress.onProgress!({ stage: 'read', done: 13, total: 13 });
    expect(lastLine(io.err())).toMatch(/checking · 13 workloads 2\.4s$/);
    clock.advance(240);
    progress.onProgress!({ stage: 'check', done: 1, total: 2 });
    clock.advance(120); // just redrawn by the tick: the event shows with the next one
    expect(lastLine(io.err())).toMatch(/checking 1\/2 · 13 workloads/);
    progress.onProgress!({ stage: 'check', done: 2, total: 2 });
    expect(lastLine(io.err())).toMatch(/writing manifests/);
    clock.advance(240);
    progress.onProgress!({ stage: 'write', done: 13, total: 13 });
    progress.finish();
    progress.finish();
    expect(clock.ticking()).toBe(false);
    expect(io.err().endsWith('\n')).toBe(true);
    expect(lastLine(io.err())).toBe('✔ planned 13 workloads in 3.0s (read 2.4s, check 0.4s, write 0.2s)\n');
    expect(io.err()).not.toMatch(ANSI_COLOUR);
    expect(io.out()).toBe('');
  });

  it('colours the spinner and dims the timings on a terminal without NO_COLOR', () => {
    const io = ttyIo();
    const progress = progressReporter(io, false, fakeClock());
    progress.onProgress!({ stage: 'read', done: 1, total: 1 });
    expect(io.err()).toMatch(ANSI_COLOUR);
    progress.finish();
  });

  it('clears its line and prints no summary when the run stopped before writing', () => {
    const io = ttyIo({ NO_COLOR: '1' });
    const progress = progressReporter(io, false, fakeClock());
    progress.onProgress!({ stage: 'read', done: 3, total: 3 });
    progress.finish();
    expect(io.err().endsWith('\r\x1b[2K')).toBe(true);
    expect(io.err()).not.toContain('planned');
  });

  it('throttles redraws of a burst of checker events', () => {
    const io = ttyIo({ NO_COLOR: '1' });
    const progress = progressReporter(io, false, fakeClock());
    progress.onProgress!({ stage: 'read', done: 1, total: 1 });
    const before = io.err().split('\r').length;
    for (let done = 1; done < 1000; done++) progress.onProgress!({ stage: 'check', done, total: 1000 });
    expect(io.err().split('\r').length - before).toBeLessThan(5);
    progress.finish();
  });
});
