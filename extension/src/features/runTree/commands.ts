// The Runs view's commands: Refresh, Show More, and the run context menu (open folder, reveal, copy id,
// open metrics file), plus opening a problem's file at its line.
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { RunDetailsRequest, type RunDetailsResult, type RunTreeNode } from '../../protocol';
import { ServerNotRunningError, type ServerSession } from '../server';
import type { NodeElement, RunTreeElement } from './runTreeElements';
import type { RunTreeProvider } from './runTreeProvider';

interface Dependencies {
  readonly session: ServerSession;
  readonly provider: RunTreeProvider;
  readonly treeView: vscode.TreeView<RunTreeElement>;
}

export function registerRunTreeCommands({ session, provider, treeView }: Dependencies): vscode.Disposable[] {
  /** A menu passes the row; the palette passes nothing, so the selected row stands in. */
  const nodeOf = (argument: unknown): RunTreeNode | undefined => {
    const element = (argument ?? treeView.selection[0]) as RunTreeElement | undefined;
    return element?.type === 'node' ? element.node : undefined;
  };
  const details = async (node: RunTreeNode): Promise<RunDetailsResult | null> =>
    node.runId ? session.request(RunDetailsRequest.type, { runId: node.runId }) : null;

  return [
    vscode.commands.registerCommand('ideTracker.refresh', async () => {
      if (session.state !== 'running') {
        await session.restart();
        return;
      }
      try {
        await session.reindex();
      } catch (error) {
        if (!(error instanceof ServerNotRunningError)) throw error;
      }
      await provider.runsChanged([], true);
    }),
    vscode.commands.registerCommand('ideTracker.showRuns', () => vscode.commands.executeCommand('ideTracker.runs.focus')),
    vscode.commands.registerCommand('ideTracker.showMore', (more: RunTreeElement) => {
      if (more?.type === 'more') return provider.showMore(more);
      return undefined;
    }),
    vscode.commands.registerCommand('ideTracker.openRunFolder', async (argument?: NodeElement) => {
      const path = nodeOf(argument)?.path;
      if (!path) return;
      const folder = await folderOf(path);
      // A desktop window can show the folder in the system's file manager; a browser cannot, so the
      // folder opens in a new window instead.
      if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName) {
        await vscode.commands.executeCommand('revealFileInOS', folder);
      } else {
        await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true });
      }
    }),
    vscode.commands.registerCommand('ideTracker.revealInExplorer', async (argument?: NodeElement) => {
      const path = nodeOf(argument)?.path;
      if (path) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(path));
    }),
    vscode.commands.registerCommand('ideTracker.copyRunId', async (argument?: NodeElement) => {
      const node = nodeOf(argument);
      if (!node?.runId) return;
      // The id the tool itself uses (MLflow's run id, Lightning's version folder) is the useful one.
      const id = (await details(node))?.nativeId ?? node.runId;
      await vscode.env.clipboard.writeText(id);
      vscode.window.setStatusBarMessage(`Copied run id ${id}`, 3000);
    }),
    vscode.commands.registerCommand('ideTracker.openMetricsFile', async (argument?: NodeElement) => {
      const node = nodeOf(argument);
      if (!node) return;
      const run = await details(node);
      if (!run?.metricsFile) {
        void vscode.window.showInformationMessage(`The run "${run?.name ?? node.label}" has no metrics file.`);
        return;
      }
      await openMetrics(run);
    }),
    vscode.commands.registerCommand('ideTracker.openProblem', async (node?: RunTreeNode) => {
      if (node?.path) await openAtLine(node.path, node.line);
    }),
  ];
}

async function folderOf(path: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.file(path);
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return stat.type & vscode.FileType.Directory ? uri : vscode.Uri.file(dirname(path));
  } catch {
    return uri;
  }
}

/** MLflow keeps one file per metric in a folder (the main metric first in the pick); Lightning one CSV;
 * a database run has no text file at all. */
async function openMetrics(run: RunDetailsResult): Promise<void> {
  const metrics = run.metricsFile!;
  if (metrics === run.path || metrics.endsWith('.db')) {
    void vscode.window.showInformationMessage(`The metrics of "${run.name}" are inside the MLflow database ${metrics}; there is no text file to open.`);
    return;
  }
  const uri = vscode.Uri.file(metrics);
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(`${metrics} no longer exists.`);
    return;
  }
  if (!(stat.type & vscode.FileType.Directory)) {
    await vscode.window.showTextDocument(uri, { preview: true });
    return;
  }
  const files = await filesUnder(uri, '');
  const main = run.mainMetric?.key;
  files.sort((a, b) => Number(b === main) - Number(a === main) || a.localeCompare(b));
  if (files.length === 0) {
    void vscode.window.showInformationMessage(`The run "${run.name}" has not logged any metric yet.`);
    return;
  }
  const key = files.length === 1 ? files[0] : await vscode.window.showQuickPick(files, { placeHolder: `A metric of ${run.name}` });
  if (key) await vscode.window.showTextDocument(vscode.Uri.joinPath(uri, ...key.split('/')), { preview: true });
}

async function filesUnder(folder: vscode.Uri, prefix: string): Promise<string[]> {
  const entries = await vscode.workspace.fs.readDirectory(folder);
  const files: string[] = [];
  for (const [name, type] of entries) {
    const key = prefix ? `${prefix}/${name}` : name;
    if (type & vscode.FileType.Directory) files.push(...await filesUnder(vscode.Uri.joinPath(folder, name), key));
    else files.push(key);
  }
  return files;
}

async function openAtLine(path: string, line: number | undefined): Promise<void> {
  const uri = vscode.Uri.file(path);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    void vscode.window.showWarningMessage(`${path} no longer exists.`);
    return;
  }
  const at = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
  try {
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), preview: true });
  } catch {
    // A binary file (mlflow.db) has no text editor; let VS Code pick whatever can show it.
    await vscode.commands.executeCommand('vscode.open', uri);
  }
}
