// ide-tracker's VS Code side: one activateXxx() per feature; the server does the work.
import * as vscode from 'vscode';
import type { IdeTrackerApi } from './api';
import { activateCompare } from './features/compare';
import { activateConfigs } from './features/configs';
import { activateNotes } from './features/notes';
import { activateRunTree } from './features/runTree';
import { activateServer, type ServerSession } from './features/server';
import { activateStatusBar } from './features/statusBar';

let session: ServerSession | undefined;

export function activate(context: vscode.ExtensionContext): IdeTrackerApi {
  const started = Date.now();
  const log = vscode.window.createOutputChannel('ide-tracker', { log: true });
  context.subscriptions.push(log);
  session = activateServer(context, log);
  const runs = activateRunTree(context, session);
  activateStatusBar(context, session);
  activateCompare(context, session);
  activateConfigs(context, session);
  const notes = activateNotes(context, session);
  void session.start();
  const activationMs = Date.now() - started;
  log.info(`Activated in ${activationMs} ms.`);
  return { session, runs, notes, activationMs };
}

export async function deactivate(): Promise<void> {
  await session?.stop();
}
