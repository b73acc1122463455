// The server feature: a session for the language server of the first workspace folder (started by the
// caller once every feature listens to it), restarted when a setting it reads at start changes, with
// Restart Server and Show Server Log.
import * as vscode from 'vscode';
import { registerServerCommands } from './commands';
import { restartSettings } from './initializationOptions';
import { ServerSession } from './serverSession';

export { ServerNotRunningError, ServerSession, type ServerState } from './serverSession';

export function activateServer(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ServerSession {
  const session = new ServerSession(context, log);
  context.subscriptions.push(
    session,
    ...registerServerCommands(session),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (restartSettings.some((setting) => event.affectsConfiguration(setting))) {
        log.info('A setting the server reads at start changed; restarting it.');
        void session.restart();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (session.state === 'stopped') void session.start();
    }),
  );
  return session;
}
