// runsChanged arrives in bursts (a live run writes a metric line every few hundred milliseconds, a scan
// reports many runs): gather a burst and hand it on once, so the tree is redrawn once per burst.

export interface Scheduler {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface CoalescedChange {
  readonly runIds: string[];
  readonly all: boolean;
}

const realScheduler: Scheduler = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ChangeCoalescer {
  private runIds = new Set<string>();
  private all = false;
  private timer: unknown;

  /** `delayMs` after the first change of a burst, `flush` gets everything that arrived meanwhile. */
  constructor(
    private readonly flush: (change: CoalescedChange) => void,
    private readonly delayMs = 250,
    private readonly scheduler: Scheduler = realScheduler,
  ) {}

  add(runIds: readonly string[], all: boolean): void {
    if (all) {
      this.all = true;
      this.runIds.clear();
    } else if (!this.all) {
      for (const id of runIds) this.runIds.add(id);
    }
    if (this.timer === undefined) this.timer = this.scheduler.setTimeout(() => this.fire(), this.delayMs);
  }

  dispose(): void {
    if (this.timer !== undefined) this.scheduler.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private fire(): void {
    this.timer = undefined;
    const change = { runIds: [...this.runIds], all: this.all };
    this.runIds = new Set();
    this.all = false;
    if (change.all || change.runIds.length > 0) this.flush(change);
  }
}
