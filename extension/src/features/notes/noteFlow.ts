// From audio to an open README draft: make the note, make sure a model is there (asking before any
// download), transcribe under a cancellable notification, draft about the selected runs, open the draft.
// Every step that fails leaves the note as it was, audio included, and retryable.
import * as vscode from 'vscode';
import type { ModelStatusDto, NoteDto, SpeechSettings } from '../../protocol';
import { selectedRunIdsCommand } from '../runTree/selectedRunIds';
import { chooseFileChoice, decideModel, downloadChoice } from './modelPrompt';
import type { NotesServer } from './notesServer';
import { ProgressSteps } from './progressSteps';
import { silenceMessage } from './recordingLabels';
import { voiceNotesSection, type VoiceNoteSettings } from './voiceNoteSettings';

export const retryChoice = 'Retry';
export const showAudioChoice = 'Show Audio';

export interface NoteFlowDependencies {
  readonly server: NotesServer;
  readonly settings: () => VoiceNoteSettings;
  readonly log: vscode.LogOutputChannel;
  /** Called once a note is made, before it is transcribed (the Notes view shows it). */
  readonly onCreated?: (note: NoteDto) => void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function noteName(note: NoteDto): string {
  return note.title ? `"${note.title}"` : 'the voice note';
}

export async function selectedRunIds(): Promise<string[]> {
  try {
    const ids = await vscode.commands.executeCommand<unknown>(selectedRunIdsCommand);
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export class NoteFlow {
  constructor(private readonly deps: NoteFlowDependencies) {}

  /** A recording just made (`moveAudio`) or a file the user chose (copied): the whole way to a draft. */
  async fromAudio(audioPath: string, moveAudio: boolean): Promise<NoteDto | undefined> {
    const runIds = await selectedRunIds();
    let note: NoteDto;
    try {
      note = await this.deps.server.create({ audioPath, moveAudio, ...(runIds.length > 0 ? { runIds } : {}) });
    } catch (error) {
      const kept = moveAudio ? ` The recording is kept at ${audioPath}.` : '';
      this.deps.log.error(`Creating a note from ${audioPath}: ${errorText(error)}`);
      void vscode.window.showErrorMessage(`The voice note could not be saved: ${errorText(error)}.${kept}`);
      return undefined;
    }
    this.deps.onCreated?.(note);
    return this.transcribeAndDraft(note, runIds);
  }

  /** Transcribes a note (again), then drafts its README; stops, keeping the note, wherever the user says no. */
  async transcribeAndDraft(note: NoteDto, runIds?: readonly string[]): Promise<NoteDto | undefined> {
    const speech = await this.ensureModel(this.deps.settings().speech);
    if (!speech) return note;
    const transcribed = await this.transcribe(note, speech);
    if (!transcribed || transcribed.status === 'failed') return transcribed ?? note;
    // Still drafted: the runs' tables, plots and command are worth having without a story.
    if (transcribed.transcriptPreview === '') void vscode.window.showInformationMessage(silenceMessage(transcribed.durationLabel));
    return this.draft(transcribed, runIds);
  }

  /** Drafts a README from a transcribed note and opens it: about `runIds`, else the note's own runs (the server
   * knows them), else the runs selected in the tree now. */
  async draft(note: NoteDto, runIds?: readonly string[]): Promise<NoteDto | undefined> {
    const runs = runIds && runIds.length > 0 ? runIds : note.runIds.length > 0 ? [] : await selectedRunIds();
    let drafted: NoteDto;
    try {
      drafted = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Drafting a README from ${noteName(note)}…` },
        () => this.deps.server.draft(note.id, runs.length > 0 ? runs : undefined),
      );
    } catch (error) {
      this.deps.log.error(`Drafting note ${note.id}: ${errorText(error)}`);
      void vscode.window.showErrorMessage(`The README draft could not be written: ${errorText(error)}`);
      return undefined;
    }
    await openDraft(drafted);
    return drafted;
  }

  /** The settings to transcribe with once a usable model is there (after a download the user asked for, or
   * the file they chose); undefined when there is none. */
  async ensureModel(speech: SpeechSettings): Promise<SpeechSettings | undefined> {
    let status: ModelStatusDto;
    try {
      status = await this.deps.server.modelStatus(speech);
    } catch (error) {
      void vscode.window.showErrorMessage(`The Whisper model could not be checked: ${errorText(error)}`);
      return undefined;
    }
    const decision = decideModel(status);
    if (decision.kind === 'ready') return speech;
    if (decision.kind === 'engineMissing') {
      void vscode.window.showErrorMessage(decision.message);
      return undefined;
    }
    const choice = await vscode.window.showInformationMessage(decision.message, ...decision.choices);
    if (choice === downloadChoice) return (await this.download(speech)) ? speech : undefined;
    if (choice === chooseFileChoice) return this.chooseModelFile(speech);
    return undefined;
  }

  /** Downloads the configured model under a cancellable notification; undefined when it did not end usable. */
  async download(speech: SpeechSettings): Promise<ModelStatusDto | undefined> {
    const steps = new ProgressSteps();
    let status: ModelStatusDto;
    let cancelled = false;
    try {
      status = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Downloading the Whisper model ${speech.model}`, cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => { cancelled = true; });
          return this.deps.server.downloadModel(speech, token, (value) => {
            const step = steps.next(value);
            if (step) progress.report(step);
          });
        },
      );
    } catch (error) {
      if (cancelled) {
        void vscode.window.showInformationMessage('The model download was cancelled; what was fetched is kept, so the next download resumes.');
      } else {
        void vscode.window.showErrorMessage(`The Whisper model could not be downloaded: ${errorText(error)}`);
      }
      return undefined;
    }
    if (!status.found) {
      void vscode.window.showErrorMessage(status.problem ?? `The downloaded model ${status.model} cannot be used.`);
      return undefined;
    }
    vscode.window.setStatusBarMessage(`Whisper model ${status.model} is ready.`, 4000);
    return status;
  }

  private async chooseModelFile(speech: SpeechSettings): Promise<SpeechSettings | undefined> {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false, openLabel: 'Use This Model', title: 'A whisper.cpp model (ggml-*.bin)', filters: { 'Whisper models': ['bin'] },
    });
    const file = picked?.[0];
    if (!file) return undefined;
    await vscode.workspace.getConfiguration(voiceNotesSection).update('modelPath', file.fsPath, vscode.ConfigurationTarget.Global);
    return this.ensureModel({ ...speech, modelPath: file.fsPath });
  }

  private async transcribe(note: NoteDto, speech: SpeechSettings): Promise<NoteDto | undefined> {
    const steps = new ProgressSteps();
    let cancelled = false;
    let result: NoteDto;
    try {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Transcribing ${noteName(note)}`, cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => { cancelled = true; });
          return this.deps.server.transcribe(note.id, speech, token, (value) => {
            const step = steps.next(value);
            if (step) progress.report(step);
          });
        },
      );
    } catch (error) {
      if (cancelled) {
        void vscode.window.showInformationMessage('The transcription was cancelled; the note keeps its audio and can be retried from the Notes view.');
      } else {
        this.deps.log.error(`Transcribing note ${note.id}: ${errorText(error)}`);
        void this.offerRetry(note, `The voice note could not be transcribed: ${errorText(error)}`);
      }
      return undefined;
    }
    if (result.status === 'failed') void this.offerRetry(result, `The voice note could not be transcribed: ${result.error ?? 'no reason was given'}`);
    return result;
  }

  private async offerRetry(note: NoteDto, message: string): Promise<void> {
    const choice = await vscode.window.showErrorMessage(message, retryChoice, ...(note.audioPath ? [showAudioChoice] : []));
    if (choice === retryChoice) await this.transcribeAndDraft(note);
    else if (choice === showAudioChoice && note.audioPath) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(note.audioPath));
  }
}

export async function openDraft(note: NoteDto): Promise<void> {
  if (!note.draftPath) {
    void vscode.window.showInformationMessage(`${noteName(note)} has no README draft yet.`);
    return;
  }
  const uri = vscode.Uri.file(note.draftPath);
  await vscode.window.showTextDocument(uri, { preview: false });
  // The rendered preview with its plots, beside the Markdown; a VS Code without it just shows the text.
  await Promise.resolve(vscode.commands.executeCommand('markdown.showPreviewToSide', uri)).catch(() => undefined);
}
