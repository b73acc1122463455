// VS Code's notification progress takes increments; the server's $/progress says how far it has got.
// This turns one into the other, never stepping back and never past 100.
import type { WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageserver-protocol';

export type WorkDoneValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export interface ProgressStep {
  readonly increment?: number;
  readonly message?: string;
}

export class ProgressSteps {
  private reached = 0;

  /** What to report for one $/progress value; undefined when it says nothing new. */
  next(value: WorkDoneValue): ProgressStep | undefined {
    if (value.kind === 'end') return undefined;
    const message = value.message;
    const percentage = typeof value.percentage === 'number' && Number.isFinite(value.percentage)
      ? Math.min(100, Math.max(0, value.percentage)) : undefined;
    const increment = percentage !== undefined && percentage > this.reached ? percentage - this.reached : undefined;
    if (increment !== undefined) this.reached = percentage!;
    if (increment === undefined && message === undefined) return undefined;
    return { ...(increment !== undefined ? { increment } : {}), ...(message !== undefined ? { message } : {}) };
  }
}
