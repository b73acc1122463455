// Hover cards, code lenses and inlay hints are asked for at every keystroke in a config that is often half typed.
// One of them failing is no news for the person typing: it is written to the log and the request answers with
// nothing, never an error notification. Cancellations and "content modified" keep vscode-languageclient's own
// handling, which already tells VS Code quietly that the answer is stale.
import { ErrorCodes, LSPErrorCodes } from 'vscode-languageserver-protocol';

export const quietMethods: ReadonlySet<string> = new Set([
  'textDocument/hover',
  'textDocument/codeLens',
  'codeLens/resolve',
  'textDocument/inlayHint',
  'inlayHint/resolve',
]);

// The connection went away while the request waited, or the answer is no longer wanted.
const handledByClient: ReadonlySet<number> = new Set([
  LSPErrorCodes.RequestCancelled, LSPErrorCodes.ServerCancelled, LSPErrorCodes.ContentModified,
  ErrorCodes.PendingResponseRejected, ErrorCodes.ConnectionInactive,
]);

/** Whether a failed request answers with its default value instead of raising the error. */
export function failsQuietly(method: string, error: unknown): boolean {
  if (!quietMethods.has(method)) return false;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return !(typeof code === 'number' && handledByClient.has(code));
}
