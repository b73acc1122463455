import type * as vscode from 'vscode';
import type { VoiceNotes } from './features/notes';
import type { ServerSession } from './features/server';
import type { RunTreeElement } from './features/runTree/runTreeElements';

/** What activate() returns: the pieces the extension-host tests look into. Not a public API. */
export interface IdeTrackerApi {
  readonly session: ServerSession;
  readonly runs: vscode.TreeDataProvider<RunTreeElement>;
  /** The Notes view's provider and the recorder. */
  readonly notes: VoiceNotes;
  /** Milliseconds from the start of activate() to its end. */
  readonly activationMs: number;
}
