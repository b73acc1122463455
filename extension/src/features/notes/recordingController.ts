// One recording at a time: starts the recorder into .ide-tracker/notes/.recordings/, ticks the elapsed
// time, stops itself at the limit, and hands the WAV on. Whatever the recorder wrote is handed on even
// when it failed, so no spoken word is lost; only Cancel (after a confirm) discards a recording.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { findOnPath } from './findOnPath';
import { pulseAvailable } from './pulseAudio';
import { endedInError, RecorderProcess, type RecordingResult } from './recorderProcess';
import { chooseRecorder, recorderSetting, type RecorderCommand } from './recorders';
import { limitReachedMessage, recordingFileName } from './recordingLabels';
import type { VoiceNoteSettings } from './voiceNoteSettings';

/** A WAV header alone is 44 bytes: anything less holds no audio. */
const wavHeaderBytes = 44;

export const recordingContextKey = 'ideTracker.recording';
export const openSettingsChoice = 'Open Settings';
export const discardChoice = 'Discard';

export function recordingsFolder(workspaceFolder: string): string {
  return join(workspaceFolder, '.ide-tracker', 'notes', '.recordings');
}

function audioBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

interface Recording {
  readonly process: RecorderProcess;
  readonly recorder: RecorderCommand;
  readonly output: string;
  readonly startedAt: number;
  readonly maxSeconds: number;
  readonly timer: NodeJS.Timeout;
  limitReached: boolean;
  ending: boolean;
}

export interface RecordingControllerOptions {
  readonly settings: () => VoiceNoteSettings;
  /** The WAV to make a note of (moved into the note by the server). */
  readonly onRecorded: (audioPath: string) => Promise<unknown>;
  readonly log: vscode.LogOutputChannel;
  /** Milliseconds a recorder gets to finish its file after being asked to stop. */
  readonly graceMs?: number;
  readonly now?: () => number;
}

export class RecordingController implements vscode.Disposable {
  private current: Recording | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: RecordingControllerOptions) {}

  get recording(): boolean {
    return this.current !== undefined;
  }

  /** Seconds since the recording started, and its limit; undefined while idle. */
  get elapsed(): { seconds: number; maxSeconds: number } | undefined {
    const recording = this.current;
    if (!recording) return undefined;
    return { seconds: (this.now() - recording.startedAt) / 1000, maxSeconds: recording.maxSeconds };
  }

  /** The path being recorded to, while recording. */
  get outputPath(): string | undefined {
    return this.current?.output;
  }

  async toggle(): Promise<void> {
    if (this.current) await this.stop();
    else await this.start();
  }

  async start(): Promise<boolean> {
    if (this.current) return true;
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showErrorMessage('Open a folder first: voice notes are kept in its .ide-tracker/notes folder.');
      return false;
    }
    const settings = this.options.settings();
    const folderPath = recordingsFolder(folder.uri.fsPath);
    const output = join(folderPath, recordingFileName(new Date(this.now())));
    const choice = chooseRecorder(settings.recorderCommand, output,
      { platform: process.platform, which: (program) => findOnPath(program), hasPulse: pulseAvailable() });
    if (!choice.ok) {
      this.options.log.warn(choice.message);
      void vscode.window.showErrorMessage(choice.message, openSettingsChoice).then((picked) => {
        if (picked === openSettingsChoice) void vscode.commands.executeCommand('workbench.action.openSettings', recorderSetting);
      });
      return false;
    }
    try {
      mkdirSync(folderPath, { recursive: true });
    } catch (error) {
      void vscode.window.showErrorMessage(`The recordings folder ${folderPath} cannot be made: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    const { recorder } = choice;
    this.options.log.info(`Recording a voice note with ${recorder.origin}: ${recorder.program} ${recorder.args.join(' ')}`);
    const recorderProcess = RecorderProcess.start(recorder, { graceMs: this.options.graceMs ?? 5_000, cwd: folder.uri.fsPath });
    const recording: Recording = {
      process: recorderProcess,
      recorder,
      output,
      startedAt: this.now(),
      maxSeconds: settings.maxSeconds,
      timer: setInterval(() => this.tick(), 1_000),
      limitReached: false,
      ending: false,
    };
    this.current = recording;
    void vscode.commands.executeCommand('setContext', recordingContextKey, true);
    void recorderProcess.ended.then((result) => {
      // Exited before anyone asked it to: an error (no sound card) or a limit of its own.
      if (this.current === recording && !recording.ending) void this.finish(recording, result);
    });
    this.changed.fire();
    return true;
  }

  /** Stops the recording and makes a note of it. */
  async stop(): Promise<void> {
    const recording = this.current;
    if (!recording || recording.ending) return;
    recording.ending = true;
    const result = await recording.process.stop();
    await this.finish(recording, result);
  }

  /** Discards the recording after the user confirms; the recorder keeps going while the question is open. */
  async cancel(): Promise<void> {
    const recording = this.current;
    if (!recording || recording.ending) return;
    const answer = await vscode.window.showWarningMessage('Discard this voice note? The recording so far is deleted.', { modal: true }, discardChoice);
    if (answer !== discardChoice || this.current !== recording || recording.ending) return;
    recording.ending = true;
    await recording.process.stop();
    this.end(recording);
    rmSync(recording.output, { force: true });
    this.options.log.info(`Discarded the recording ${recording.output}.`);
  }

  private tick(): void {
    const recording = this.current;
    if (!recording) return;
    if (!recording.ending && (this.now() - recording.startedAt) / 1000 >= recording.maxSeconds) {
      recording.limitReached = true;
      void this.stop();
    }
    this.changed.fire();
  }

  private end(recording: Recording): void {
    clearInterval(recording.timer);
    if (this.current === recording) this.current = undefined;
    void vscode.commands.executeCommand('setContext', recordingContextKey, false);
    this.changed.fire();
  }

  private async finish(recording: Recording, result: RecordingResult): Promise<void> {
    recording.ending = true;
    this.end(recording);
    const bytes = audioBytes(recording.output);
    const hasAudio = bytes > wavHeaderBytes;
    if (endedInError(result) || result.forced) this.reportFailure(recording, result, hasAudio);
    if (!hasAudio) {
      if (!endedInError(result)) {
        const said = result.stderrTail ? `\n${result.stderrTail}` : '';
        void vscode.window.showErrorMessage(`The recorder (${recording.recorder.origin}) wrote no audio to ${recording.output}.${said}`, openSettingsChoice)
          .then((picked) => {
            if (picked === openSettingsChoice) void vscode.commands.executeCommand('workbench.action.openSettings', recorderSetting);
          });
      }
      rmSync(recording.output, { force: true });
      return;
    }
    if (recording.limitReached) void vscode.window.showInformationMessage(limitReachedMessage(recording.maxSeconds));
    await this.options.onRecorded(recording.output);
  }

  private reportFailure(recording: Recording, result: RecordingResult, hasAudio: boolean): void {
    const who = `${recording.recorder.program} (${recording.recorder.origin})`;
    const how = result.spawnError
      ? `could not be started: ${result.spawnError}`
      : result.forced
        ? 'did not stop when asked and was killed'
        : `stopped by itself (${result.signal ? `signal ${result.signal}` : `exit code ${result.exitCode}`})`;
    const said = result.stderrTail ? `\n${result.stderrTail}` : '';
    const kept = hasAudio ? ' What it recorded is kept as a note.' : '';
    const message = `The recorder ${who} ${how}.${kept}${said}`;
    this.options.log.error(message);
    void vscode.window.showErrorMessage(message, openSettingsChoice).then((picked) => {
      if (picked === openSettingsChoice) void vscode.commands.executeCommand('workbench.action.openSettings', recorderSetting);
    });
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  dispose(): void {
    const recording = this.current;
    if (recording) {
      // The window is closing: let the recorder finish its file; the WAV stays in .recordings.
      recording.ending = true;
      void recording.process.stop();
      this.end(recording);
    }
    this.changed.dispose();
  }
}
