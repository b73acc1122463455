// The voice-note commands: record/stop/cancel, transcribe a file, retry, draft, open the draft, download
// the model, and the Notes view's menu (reveal a note's folder).
import * as vscode from 'vscode';
import type { NoteDto } from '../../protocol';
import type { NoteElement, NotesElement } from './noteElements';
import { NoteFlow, openDraft } from './noteFlow';
import type { NotesProvider } from './notesProvider';
import type { NotesServer } from './notesServer';
import type { RecordingController } from './recordingController';
import { recordCommand, stopCommand } from './recordingLabels';
import type { VoiceNoteSettings } from './voiceNoteSettings';

export const noteCommands = {
  record: recordCommand,
  stop: stopCommand,
  cancel: 'ideTracker.cancelRecording',
  transcribeFile: 'ideTracker.transcribeAudioFile',
  retry: 'ideTracker.retryTranscription',
  draft: 'ideTracker.draftReadme',
  openDraft: 'ideTracker.openNoteDraft',
  downloadModel: 'ideTracker.downloadWhisperModel',
  refresh: 'ideTracker.refreshNotes',
  revealInExplorer: 'ideTracker.revealNoteInExplorer',
  revealInOS: 'ideTracker.revealNoteInOS',
} as const;

interface Dependencies {
  readonly server: NotesServer;
  readonly flow: NoteFlow;
  readonly recorder: RecordingController;
  readonly provider: NotesProvider;
  readonly settings: () => VoiceNoteSettings;
}

/** A menu passes the row; the palette passes nothing, so the user picks among the notes that fit. */
async function noteFor(server: NotesServer, argument: unknown, fits: (note: NoteDto) => boolean, none: string, placeHolder: string): Promise<NoteDto | undefined> {
  const element = argument as NotesElement | undefined;
  if (element && (element.type === 'note' || element.type === 'file' || element.type === 'run')) return element.note;
  const notes = (await server.list()).notes.filter(fits);
  if (notes.length === 0) {
    void vscode.window.showInformationMessage(none);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    notes.map((note) => ({ label: note.title || 'Untitled note', description: `${note.createdLabel} · ${note.status}`, note })),
    { placeHolder },
  );
  return picked?.note;
}

const retryable = (note: NoteDto) => note.status === 'failed' || note.status === 'recorded';
const draftable = (note: NoteDto) => note.status === 'transcribed' || note.status === 'drafted';

export function registerNoteCommands({ server, flow, recorder, provider, settings }: Dependencies): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(noteCommands.record, () => recorder.toggle()),
    vscode.commands.registerCommand(noteCommands.stop, () => recorder.stop()),
    vscode.commands.registerCommand(noteCommands.cancel, () => recorder.cancel()),
    vscode.commands.registerCommand(noteCommands.transcribeFile, async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false, openLabel: 'Transcribe', title: 'An audio file to make a voice note of', filters: { 'WAV audio': ['wav'] },
      });
      if (picked?.[0]) await flow.fromAudio(picked[0].fsPath, false);
    }),
    vscode.commands.registerCommand(noteCommands.retry, async (argument?: NoteElement) => {
      const note = await noteFor(server, argument, retryable, 'No voice note is waiting to be transcribed.', 'A voice note to transcribe again');
      if (note) await flow.transcribeAndDraft(note);
    }),
    vscode.commands.registerCommand(noteCommands.draft, async (argument?: NoteElement) => {
      const note = await noteFor(server, argument, draftable, 'No voice note has a transcript to draft from yet.', 'A voice note to draft a README from');
      if (note) await flow.draft(note);
    }),
    vscode.commands.registerCommand(noteCommands.openDraft, async (argument?: NoteElement) => {
      const note = await noteFor(server, argument, (n) => n.draftPath !== undefined, 'No voice note has a README draft yet.', 'A README draft to open');
      if (note) await openDraft(note);
    }),
    vscode.commands.registerCommand(noteCommands.downloadModel, async () => {
      const speech = settings().speech;
      const status = await server.modelStatus(speech);
      if (status.found) {
        void vscode.window.showInformationMessage(`The Whisper model ${status.model} is already there: ${status.path ?? status.downloadPath}.`);
        return;
      }
      await flow.download(speech);
    }),
    vscode.commands.registerCommand(noteCommands.refresh, () => provider.refresh()),
    vscode.commands.registerCommand(noteCommands.revealInExplorer, async (argument?: NoteElement) => {
      const note = await noteFor(server, argument, () => true, 'There are no voice notes yet.', 'A voice note to reveal');
      if (note) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(note.folder));
    }),
    vscode.commands.registerCommand(noteCommands.revealInOS, async (argument?: NoteElement) => {
      const note = await noteFor(server, argument, () => true, 'There are no voice notes yet.', 'A voice note to reveal');
      if (note) await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(note.folder));
    }),
  ];
}
