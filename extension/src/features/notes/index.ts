// Voice notes: record outside the webview with a recorder program, transcribe on this machine through
// the server, draft a README about the selected runs; the Notes view lists them all.
import * as vscode from 'vscode';
import { ServerNotRunningError, type ServerSession } from '../server';
import { registerNoteCommands } from './commands';
import type { NotesElement } from './noteElements';
import { NoteFlow } from './noteFlow';
import { NotesProvider } from './notesProvider';
import { notesViewId } from './notesView';
import { sessionNotesServer } from './notesServer';
import { RecordingController } from './recordingController';
import { createRecordingStatusBar } from './recordingStatusBar';
import { readVoiceNoteSettings, voiceNotesSection } from './voiceNoteSettings';

export { notesViewId } from './notesView';

export interface VoiceNotes {
  readonly provider: NotesProvider;
  readonly recorder: RecordingController;
}

export function activateNotes(context: vscode.ExtensionContext, session: ServerSession): VoiceNotes {
  const settings = () => readVoiceNoteSettings((key) => vscode.workspace.getConfiguration(voiceNotesSection).get(key));
  const server = sessionNotesServer(session);
  const flow = new NoteFlow({ server, settings, log: session.log });
  const provider = new NotesProvider(server, (error) => {
    if (!(error instanceof ServerNotRunningError)) session.log.warn(`Listing voice notes: ${error instanceof Error ? error.message : String(error)}`);
  });
  const recorder = new RecordingController({ settings, log: session.log, onRecorded: (audioPath) => flow.fromAudio(audioPath, true) });
  const treeView = vscode.window.createTreeView<NotesElement>(notesViewId, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    provider,
    treeView,
    recorder,
    createRecordingStatusBar(recorder),
    ...registerNoteCommands({ server, flow, recorder, provider, settings }),
    session.onNotesChanged(() => provider.refresh()),
    session.onDidChangeState((state) => {
      if (state === 'running') provider.refresh();
    }),
  );
  return { provider, recorder };
}
