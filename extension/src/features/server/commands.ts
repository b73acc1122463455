import * as vscode from 'vscode';
import type { ServerSession } from './serverSession';

export function registerServerCommands(session: ServerSession): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('ideTracker.restartServer', () => session.restart()),
    vscode.commands.registerCommand('ideTracker.showLog', () => session.log.show()),
  ];
}
