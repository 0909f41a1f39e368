import { createRequire } from 'node:module';
import type cliProgress from 'cli-progress';

// Loaded only when a bar is shown: most runs (CI, pipes, short runs) never show one.
const require = createRequire(import.meta.url);

/** Runs shorter than this many files finish before a bar would help. */
const MIN_FILES = 25;

/**
 * A progress bar on stderr (files done/total, rate, ETA) — only for long runs in a terminal,
 * never in CI logs or when stderr is redirected.
 */
export class Progress {
  private readonly bar?: cliProgress.SingleBar;
  private done = 0;
  private bytes = 0;
  private readonly started = Date.now();

  constructor(total: number, enabled: boolean) {
    const interactive = process.stderr.isTTY === true && !process.env.CI;
    if (!enabled || !interactive || total < MIN_FILES) return;
    const bars = require('cli-progress') as typeof cliProgress;
    this.bar = new bars.SingleBar(
      {
        stream: process.stderr,
        format: 'linting {bar} {value}/{total} files | {rate} files/s | {mbps} MB/s | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      bars.Presets.shades_classic,
    );
    this.bar.start(total, 0, { rate: '0', mbps: '0.0' });
  }

  tick(bytes: number): void {
    this.done++;
    this.bytes += bytes;
    if (!this.bar) return;
    const seconds = Math.max(0.001, (Date.now() - this.started) / 1000);
    this.bar.update(this.done, {
      rate: (this.done / seconds).toFixed(1),
      mbps: (this.bytes / seconds / 1e6).toFixed(1),
    });
  }

  stop(): void {
    this.bar?.stop();
  }
}
