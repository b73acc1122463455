// A running recorder program. Stopping asks it to finish (SIGINT, or `q` on stdin for ffmpeg) so the WAV
// header gets its final sizes, and kills it only when it has not exited within a grace period.
import { spawn, type ChildProcess } from 'node:child_process';
import type { RecorderCommand } from './recorders';

export interface RecordingResult {
  /** "user": stop() or cancel() asked; "itself": it exited before anyone asked (an error, or its own limit). */
  readonly endedBy: 'user' | 'itself';
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  /** It did not stop when asked and was killed. */
  readonly forced: boolean;
  /** The program could not be started at all (not found, not executable). */
  readonly spawnError?: string;
  /** The last lines it wrote to stderr. */
  readonly stderrTail: string;
}

const stderrKeep = 8_192;

/** The last `count` non-empty lines of `text`. */
export function lastLines(text: string, count = 5): string {
  return text.split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line !== '').slice(-count).join('\n');
}

/** Whether a recording that ended this way is an error to show (the audio is kept either way). */
export function endedInError(result: RecordingResult): boolean {
  if (result.spawnError) return true;
  return result.endedBy === 'itself' && (result.exitCode !== 0 || result.signal !== null);
}

export class RecorderProcess {
  private readonly child: ChildProcess;
  private stderr = '';
  private askedToStop = false;
  private forced = false;
  private spawnError: string | undefined;
  /** Settles when the program has exited (or could not start); never rejects. */
  readonly ended: Promise<RecordingResult>;

  private constructor(private readonly recorder: RecorderCommand, private readonly graceMs: number, cwd: string | undefined) {
    this.child = spawn(recorder.program, recorder.args, { cwd, stdio: ['pipe', 'ignore', 'pipe'], windowsHide: true, shell: false });
    this.child.stderr?.setEncoding('utf8');
    this.child.stderr?.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-stderrKeep);
    });
    // A recorder that exits while we write `q` to it must not take the extension host down with EPIPE.
    this.child.stdin?.on('error', () => undefined);
    this.ended = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.spawnError = error.message;
        // 'close' does not always follow a failed spawn.
        if (this.child.pid === undefined) resolve(this.result(null, null));
      });
      this.child.once('close', (code, signal) => resolve(this.result(code, signal)));
    });
  }

  static start(recorder: RecorderCommand, options: { graceMs?: number; cwd?: string } = {}): RecorderProcess {
    return new RecorderProcess(recorder, options.graceMs ?? 5_000, options.cwd);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Asks the recorder to finish its file, and kills it if it has not within the grace period. */
  stop(): Promise<RecordingResult> {
    if (!this.askedToStop && this.child.exitCode === null && this.child.signalCode === null) {
      this.askedToStop = true;
      if (this.recorder.stop === 'quitKey' && this.child.stdin?.writable) this.child.stdin.write('q\n');
      else this.child.kill('SIGINT');
      const timer = setTimeout(() => {
        this.forced = true;
        this.child.kill('SIGKILL');
      }, this.graceMs);
      void this.ended.then(() => clearTimeout(timer));
    }
    return this.ended;
  }

  private result(exitCode: number | null, signal: NodeJS.Signals | null): RecordingResult {
    return {
      endedBy: this.askedToStop ? 'user' : 'itself',
      exitCode,
      signal,
      forced: this.forced,
      ...(this.spawnError ? { spawnError: this.spawnError } : {}),
      stderrTail: lastLines(this.stderr),
    };
  }
}
