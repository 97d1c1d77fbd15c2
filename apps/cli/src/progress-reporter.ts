import { styleText } from 'node:util';
import type { Stage } from '@baton/core';
import type { CliIo } from './cli-io.js';

export type ProgressEvent = { stage: Stage; done: number; total: number };

export interface ProgressReporter {
  /** Hand to `runPipeline`; absent when nothing is shown. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /**
   * Stops the spinner and clears the line; after a complete run (the write stage reported) also
   * prints how long each stage took. Call it however the run ended; a second call does nothing.
   */
  finish(): void;
}

export interface ProgressClock {
  now(): number;
  setInterval(callback: () => void, ms: number): { unref?(): unknown } | number;
  clearInterval(handle: unknown): void;
}

const SYSTEM_CLOCK: ProgressClock = {
  now: () => performance.now(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
};

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const TICK_MS = 120;
// Redraw at most this often on events, so a plugin with thousands of checkers costs nothing.
const MIN_REDRAW_MS = 60;
const NOTHING: ProgressReporter = { finish() {} };

/**
 * Stage progress on stderr, only on a terminal and without --quiet: one line redrawn in place,
 * with a spinner and the elapsed time ticking even while a stage (a slow Marathon) sends nothing.
 * Colour follows the painter (NO_COLOR, TTY). Stdout is never touched, so pipes stay clean.
 */
export function progressReporter(io: CliIo, quiet: boolean, clock: ProgressClock = SYSTEM_CLOCK): ProgressReporter {
  if (quiet || !io.interactive) return NOTHING;
  // Our own colour decision for stderr (a terminal, no NO_COLOR): styleText's default check looks
  // at stdout, which is often a pipe (`migrate plan --format json | jq`) while stderr is the terminal.
  const coloured = !io.env.NO_COLOR;
  const paint = (style: 'cyan' | 'dim' | 'green', text: string) => (coloured ? styleText(style, text, { validateStream: false }) : text);
  const started = clock.now();
  const took: Partial<Record<Stage, number>> = {};
  let stageStarted = started;
  let label = 'reading the source';
  let workloads: number | undefined;
  let frame = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let finished = false;

  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
  const draw = () => {
    lastDraw = clock.now();
    const line = `${paint('cyan', FRAMES[frame % FRAMES.length]!)} ${label}${workloads === undefined ? '' : paint('dim', ` · ${workloads} workloads`)} ${paint('dim', seconds(lastDraw - started))}`;
    io.stderr(`\r\x1b[2K${line}`);
  };
  const timer = clock.setInterval(() => {
    frame++;
    draw();
  }, TICK_MS);
  if (typeof timer === 'object') timer.unref?.();
  draw();

  const endStage = (stage: Stage) => {
    const now = clock.now();
    took[stage] = now - stageStarted;
    stageStarted = now;
  };

  return {
    onProgress({ stage, done, total }) {
      if (finished) return;
      let force = false;
      if (stage === 'read') {
        endStage('read');
        workloads = total;
        label = 'checking';
        force = true;
      } else if (stage === 'check') {
        label = `checking ${done}/${total}`;
        if (done === total) {
          endStage('check');
          label = 'writing manifests';
          force = true;
        }
      } else if (stage === 'write') {
        endStage('write');
        label = 'accounting for every source field';
        force = true;
      }
      if (force || clock.now() - lastDraw >= MIN_REDRAW_MS) draw();
    },
    finish() {
      if (finished) return;
      finished = true;
      clock.clearInterval(timer);
      if (took.write === undefined) {
        // The run failed: leave the line empty for the error message.
        io.stderr('\r\x1b[2K');
        return;
      }
      const total = clock.now() - started;
      const parts = (['read', 'check', 'write'] as const).filter((stage) => took[stage] !== undefined).map((stage) => `${stage} ${seconds(took[stage]!)}`);
      io.stderr(`\r\x1b[2K${paint('green', '✔')} planned ${workloads ?? 0} workloads in ${seconds(total)} ${paint('dim', `(${parts.join(', ')})`)}\n`);
    },
  };
}
