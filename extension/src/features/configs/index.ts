// Results in config files: the client side is mostly the language client's own hover, code lens and inlay hint
// providers (set up in configClientOptions.ts); this feature makes VS Code ask again when the code lens or
// inlay hint setting is switched, so the change shows at once.
import * as vscode from 'vscode';
import type { ServerSession } from '../server';
import { codeLensSetting, inlayHintsSetting } from './configSwitches';

export function activateConfigs(context: vscode.ExtensionContext, session: ServerSession): void {
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(codeLensSetting)) session.refreshCodeLenses();
    if (event.affectsConfiguration(inlayHintsSetting)) session.refreshInlayHints();
  }));
}
