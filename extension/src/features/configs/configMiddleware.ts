// What the language client asks the server about config files, filtered on the client: documents a `!` glob of
// ideTracker.configFiles leaves out are never sent or asked about, and code lenses and inlay hints are asked for
// only while their setting is on. Both are read at every call, so a change applies at once.
import type * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import type { ConfigSwitches } from './configSwitches';

export interface ConfigMiddlewareInputs {
  /** Read at every request: the settings as they are now. */
  readonly switches: () => ConfigSwitches;
  /** Whether a document the selector takes in is left out by an exclude glob. */
  readonly isExcluded: (document: vscode.TextDocument) => boolean;
}

export function createConfigMiddleware({ switches, isExcluded }: ConfigMiddlewareInputs): Middleware {
  return {
    didOpen: (document, next) => (isExcluded(document) ? Promise.resolve() : next(document)),
    didChange: (event, next) => (isExcluded(event.document) ? Promise.resolve() : next(event)),
    didSave: (document, next) => (isExcluded(document) ? Promise.resolve() : next(document)),
    didClose: (document, next) => (isExcluded(document) ? Promise.resolve() : next(document)),
    provideHover: (document, position, token, next) => (isExcluded(document) ? undefined : next(document, position, token)),
    provideCodeLenses: (document, token, next) => (!switches().codeLens || isExcluded(document) ? [] : next(document, token)),
    provideInlayHints: (document, viewPort, token, next) =>
      (!switches().inlayHints || isExcluded(document) ? [] : next(document, viewPort, token)),
  };
}
