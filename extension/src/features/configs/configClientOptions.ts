// The parts of the language client's options that concern config files: which documents it syncs and asks about,
// the middleware that honours the exclude globs and the on/off settings, and which commands a hover card's links
// may run. Read when a client is made; a change of ideTracker.configFiles makes a new client (a server restart).
import * as vscode from 'vscode';
import type { LanguageClientOptions } from 'vscode-languageclient/node';
import { configDocumentSelector } from './configDocumentSelector';
import { configFilesSetting, readConfigFileGlobs } from './configFileGlobs';
import { createConfigMiddleware } from './configMiddleware';
import { readConfigSwitches } from './configSwitches';

/** The only commands a hover card's Markdown links may run: the server's cards link runs to the tree and compare. */
export const hoverCommands: readonly string[] = ['ideTracker.revealRun', 'ideTracker.compareRunIds'];

export type ConfigClientOptions = Required<Pick<LanguageClientOptions, 'documentSelector' | 'middleware' | 'markdown'>>;

export function configClientOptions(folder: vscode.WorkspaceFolder): ConfigClientOptions {
  const globs = readConfigFileGlobs(vscode.workspace.getConfiguration().get<unknown>(configFilesSetting));
  const excluded: vscode.DocumentFilter[] = globs.exclude.map((glob) => ({ pattern: new vscode.RelativePattern(folder, glob) }));
  return {
    documentSelector: configDocumentSelector(folder.uri.toString(), globs.include),
    middleware: createConfigMiddleware({
      switches: () => readConfigSwitches((setting) => vscode.workspace.getConfiguration().get<unknown>(setting)),
      isExcluded: (document) => excluded.length > 0 && vscode.languages.match(excluded, document) > 0,
    }),
    markdown: { isTrusted: { enabledCommands: hoverCommands }, supportHtml: false },
  };
}
