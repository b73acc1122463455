import * as vscode from 'vscode';
import type { CompareSource } from './compareSource';
import { ComparePanel, compareViewType, titleFor, webviewOptions } from './comparePanel';

/** Keeps at most one compare panel: opening again reveals it with the new runs. */
export class CompareController implements vscode.Disposable {
  private current: ComparePanel | undefined;

  constructor(private readonly source: CompareSource, private readonly extensionUri: vscode.Uri, private readonly log: (message: string) => void,
    private readonly refreshMs?: number) {}

  get panel(): ComparePanel | undefined {
    return this.current;
  }

  open(runIds: string[]): ComparePanel {
    if (!this.current) {
      const panel = vscode.window.createWebviewPanel(compareViewType, titleFor(runIds.length), vscode.ViewColumn.Active,
        webviewOptions(this.extensionUri));
      this.adopt(panel, runIds);
    }
    this.current!.show(runIds);
    return this.current!;
  }

  /** A panel VS Code restored after a window reload, with the run ids its webview had saved. */
  restore(panel: vscode.WebviewPanel, runIds: string[]): ComparePanel {
    this.current?.dispose();
    const restored = this.adopt(panel, runIds);
    panel.title = titleFor(runIds.length);
    return restored;
  }

  runsChanged(runIds: readonly string[], all: boolean): void {
    this.current?.runsChanged(runIds, all);
  }

  dispose(): void {
    this.current?.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, runIds: string[]): ComparePanel {
    const compare = new ComparePanel(panel, runIds, {
      source: this.source, extensionUri: this.extensionUri, log: this.log, ...(this.refreshMs !== undefined ? { refreshMs: this.refreshMs } : {}),
    });
    compare.onDidClose(() => {
      if (this.current === compare) this.current = undefined;
    });
    this.current = compare;
    return compare;
  }
}

/** The run ids a saved webview state holds; anything else restores an empty comparison. */
export function runIdsFromState(state: unknown): string[] {
  const ids = (state as { runIds?: unknown } | undefined)?.runIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}
