// How often a server that dies is started again: a few times, then not, so a server that crashes at
// once does not loop forever. Old crashes fall out of the window.

export type CrashDecision = 'restart' | 'give-up';

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  recordCrash(): CrashDecision {
    const at = this.now();
    this.crashes = this.crashes.filter((time) => at - time < this.windowMs);
    this.crashes.push(at);
    return this.crashes.length <= this.maxRestarts ? 'restart' : 'give-up';
  }

  /** A start the user asked for gets the full allowance again. */
  reset(): void {
    this.crashes = [];
  }

  get recentCrashes(): number {
    return this.crashes.length;
  }
}
