// Voice notes: record outside the webview with a recorder program, transcribe on this machine through
// the server, draft a README about the selected runs; the Notes view lists them all.
import * as vscode from 'vscode';
import { ServerNotRunningError, type ServerSession } from '../server';
import { registerNoteCommands } from './commands';
import type { NoteDto } from '../../protocol';
import type { NotesElement } from './noteElements';
import { leftoverMessage, leftoverRecordings } from './leftoverRecordings';
import { NoteFlow } from './noteFlow';
import { NotesProvider } from './notesProvider';
import { notesViewId } from './notesView';
import { sessionNotesServer } from './notesServer';
import { RecordingController, recordingsFolder } from './recordingController';
import { createRecordingStatusBar } from './recordingStatusBar';
import { readVoiceNoteSettings, voiceNotesSection } from './voiceNoteSettings';

export { notesViewId } from './notesView';

const makeNotesChoice = 'Make Notes';

export interface VoiceNotes {
  readonly provider: NotesProvider;
  readonly recorder: RecordingController;
}

export function activateNotes(context: vscode.ExtensionContext, session: ServerSession): VoiceNotes {
  const settings = () => readVoiceNoteSettings((key) => vscode.workspace.getConfiguration(voiceNotesSection).get(key));
  const server = sessionNotesServer(session);
  const provider = new NotesProvider(server, (error) => {
    if (!(error instanceof ServerNotRunningError)) session.log.warn(`Listing voice notes: ${error instanceof Error ? error.message : String(error)}`);
  });
  // The Notes view starts folded under the Runs view: a new note unfolds it and shows itself there, keeping the focus where it was.
  let treeView: vscode.TreeView<NotesElement> | undefined;
  const showNote = (note: NoteDto) => {
    provider.refresh();
    void Promise.resolve(treeView?.reveal({ type: 'note', note }, { select: true, focus: false })).catch((error: unknown) => {
      session.log.warn(`Showing voice note ${note.id} in the Notes view: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  const flow = new NoteFlow({ server, settings, log: session.log, onCreated: showNote });
  const recorder = new RecordingController({ settings, log: session.log, onRecorded: (audioPath) => flow.fromAudio(audioPath, true) });
  let leftoversOffered = false;
  const offerLeftovers = async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (leftoversOffered || !folder) return;
    leftoversOffered = true;
    const leftovers = leftoverRecordings(recordingsFolder(folder.uri.fsPath), recorder.outputPath);
    if (leftovers.length === 0) return;
    const choice = await vscode.window.showInformationMessage(leftoverMessage(leftovers.length), makeNotesChoice, 'Not Now');
    if (choice !== makeNotesChoice) return;
    for (const path of leftovers) await flow.fromAudio(path, true);
  };
  treeView = vscode.window.createTreeView<NotesElement>(notesViewId, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    provider,
    treeView,
    recorder,
    createRecordingStatusBar(recorder),
    ...registerNoteCommands({ server, flow, recorder, provider, settings }),
    session.onNotesChanged(() => provider.refresh()),
    session.onDidChangeState((state) => {
      if (state !== 'running') return;
      provider.refresh();
      void offerLeftovers();
    }),
  );
  return { provider, recorder };
}
