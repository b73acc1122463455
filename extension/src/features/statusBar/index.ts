// The status bar item: the index summary, kept current from the server's indexStatus notifications;
// a click shows the Runs view.
import * as vscode from 'vscode';
import type { ServerSession } from '../server';
import { statusContent } from './statusText';

export function activateStatusBar(context: vscode.ExtensionContext, session: ServerSession): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('ideTracker.status', vscode.StatusBarAlignment.Left, 10);
  item.name = 'ide-tracker';
  const update = () => {
    const content = statusContent(session.state, session.indexStatus);
    item.text = content.text;
    item.tooltip = content.tooltip;
    item.command = content.command;
    if (session.state === 'stopped') item.hide();
    else item.show();
  };
  context.subscriptions.push(item, session.onDidChangeState(update), session.onIndexStatus(update));
  update();
  return item;
}
