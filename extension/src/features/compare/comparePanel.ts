// The one compare panel: its webview, the ready handshake, and the host's half of the message contract.
import * as vscode from 'vscode';
import type { CompareResult } from '../../protocol';
import type { CompareSource } from './compareSource';
import { isWebviewToHost, type CompareReason, type HostToWebview, type WebviewToHost } from './messages';
import { newNonce, panelHtml } from './panelHtml';

export const compareViewType = 'ideTracker.compare';

/** The panel's options; the serializer restores a panel with the same ones. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    // The webview keeps its view state with setState, so a hidden panel need not stay alive.
    retainContextWhenHidden: false,
  };
}

export interface ComparePanelOptions {
  readonly source: CompareSource;
  readonly extensionUri: vscode.Uri;
  readonly log: (message: string) => void;
  /** A live run announces changes every few hundred milliseconds; the panel compares again at most this often. */
  readonly refreshMs?: number;
}

export class ComparePanel implements vscode.Disposable {
  private ready = false;
  private runIds: string[];
  private metricKeys: string[] | undefined;
  /** Answers to an older compare request are dropped when a newer one was sent. */
  private compareGeneration = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private lastRefresh = 0;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidClose = this.closed.event;
  /** Every message posted, for tests and logs. */
  readonly posted: HostToWebview[] = [];

  constructor(readonly panel: vscode.WebviewPanel, runIds: string[], private readonly options: ComparePanelOptions) {
    this.runIds = [...runIds];
    const webview = panel.webview;
    webview.options = webviewOptions(options.extensionUri);
    const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(options.extensionUri, 'dist', 'webview', name)).toString();
    webview.html = panelHtml({ cspSource: webview.cspSource, nonce: newNonce(), scriptUri: asset('main.js'), styleUri: asset('main.css') });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get currentRunIds(): readonly string[] {
    return this.runIds;
  }

  /** Compares `runIds` now (or as soon as the webview is ready) and brings the panel forward. */
  /** The comparison the webview shows now (names for the annotation input boxes). */
  private lastResult: CompareResult | undefined;

  show(runIds: string[]): void {
    this.runIds = [...runIds];
    this.panel.title = titleFor(runIds.length);
    this.panel.reveal(undefined, false);
    if (this.ready) void this.sendCompare('opened');
  }

  /** The server says these runs changed (or all did): compare again if any of them is shown. */
  runsChanged(runIds: readonly string[], all: boolean): void {
    if (!this.ready || this.refreshTimer || !(all || runIds.some((id) => this.runIds.includes(id)))) return;
    const wait = Math.max(0, this.lastRefresh + (this.options.refreshMs ?? 2000) - Date.now());
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.lastRefresh = Date.now();
      void this.sendCompare('runsChanged').catch((error) => this.options.log(`Compare panel, refresh: ${error instanceof Error ? error.message : String(error)}`));
    }, wait);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
    this.closed.fire();
    this.closed.dispose();
  }

  private post(message: HostToWebview): void {
    if (this.disposed) return;
    this.posted.push(message);
    void this.panel.webview.postMessage(message);
  }

  private async receive(message: unknown): Promise<void> {
    if (!isWebviewToHost(message)) {
      this.options.log(`The compare panel sent a message the extension does not know: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    try {
      await this.handle(message);
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.options.log(`Compare panel, ${message.type}: ${text}`);
      this.post({ type: 'error', message: text });
    }
  }

  private async handle(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        await this.sendCompare('opened');
        return;
      case 'requestCompare':
        this.metricKeys = message.metricKeys.length > 0 ? [...message.metricKeys] : undefined;
        await this.sendCompare('metricKeys');
        return;
      case 'requestSeries': {
        const result = await this.options.source.metricSeries({ runIds: message.runIds, keys: message.keys });
        this.post({ type: 'series', requestId: message.requestId, result });
        return;
      }
      case 'setStar': {
        const annotation = await this.options.source.setAnnotation({ runId: message.runId, starred: message.starred });
        this.post({ type: 'annotation', annotation });
        return;
      }
      case 'editAnnotation': {
        // The same input boxes as the tree's commands; the server's runsChanged then refreshes the panel.
        const run = this.lastResult?.runs.find((r) => r.id === message.runId);
        const command = message.field === 'tags' ? 'ideTracker.editTags' : 'ideTracker.editNote';
        await vscode.commands.executeCommand(command, { runId: message.runId, label: run?.name ?? message.runId });
        return;
      }
      case 'revealRun':
        // The tree's reveal command belongs to the tree; without it, selecting a run stays in the panel.
        if ((await vscode.commands.getCommands(true)).includes('ideTracker.revealRun')) {
          await vscode.commands.executeCommand('ideTracker.revealRun', message.runId);
        }
        return;
      case 'saveText':
        await this.save(message.suggestedName, new TextEncoder().encode(message.text), { 'CSV': ['csv'] });
        return;
      case 'savePng':
        await this.save(message.suggestedName, Buffer.from(message.dataUrl.slice('data:image/png;base64,'.length), 'base64'), { 'PNG image': ['png'] });
        return;
      case 'copyText':
        await vscode.env.clipboard.writeText(message.text);
        vscode.window.setStatusBarMessage('Copied the comparison as a Markdown table', 3000);
        return;
    }
  }

  private async sendCompare(reason: CompareReason): Promise<void> {
    const generation = ++this.compareGeneration;
    const runIds = this.runIds;
    const params = this.metricKeys ? { runIds, metricKeys: this.metricKeys } : { runIds };
    const result: CompareResult = runIds.length === 0 ? emptyComparison : await this.options.source.compare(params);
    if (generation !== this.compareGeneration) return;
    this.lastResult = result;
    this.post({ type: 'compare', runIds, result, reason });
  }

  private async save(suggestedName: string, bytes: Uint8Array, filters: Record<string, string[]>): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const safeName = suggestedName.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, safeName) : undefined,
      filters,
      saveLabel: 'Export',
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    vscode.window.setStatusBarMessage(`Saved ${target.fsPath}`, 3000);
  }
}

const emptyComparison: CompareResult = { runs: [], params: [], metrics: [], environment: [], metricKeys: [], missing: [] };

export function titleFor(runs: number): string {
  return runs === 1 ? 'Compare 1 run' : `Compare ${runs.toLocaleString('en-US')} runs`;
}
