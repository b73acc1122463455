import * as vscode from 'vscode';
import type { IdeTrackerApi } from '../../api';

export const extensionId = 'ide-tracker.ide-tracker';

/** Polls until `condition` returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeoutMs = 45_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

export function extension(): vscode.Extension<IdeTrackerApi> {
  const found = vscode.extensions.getExtension<IdeTrackerApi>(extensionId);
  if (!found) throw new Error(`${extensionId} is not loaded`);
  return found;
}

/** The extension's API once it has activated on its own and its server has indexed the workspace. */
export async function indexedApi(): Promise<IdeTrackerApi> {
  const ext = extension();
  await waitFor(() => ext.isActive, 'the extension to activate on the workspace');
  const api = ext.exports;
  await waitFor(() => api.session.indexStatus?.state === 'ready', 'the server to finish indexing');
  return api;
}
