// Stars, tags and notes from the Runs view's context menu. The server writes the run's file under
// .ide-tracker/runs/ and announces the run, so the tree redraws itself; nothing is cached here.
import * as vscode from 'vscode';
import { RunDetailsRequest, SetAnnotationRequest, type Annotation, type SetAnnotationParams } from '../../protocol';
import type { ServerSession } from '../server';
import type { RunTreeElement } from '../runTree/runTreeElements';
import { formatTags, parseTags } from './tagsInput';

export function activateAnnotations(context: vscode.ExtensionContext, session: ServerSession): void {
  const runOf = (element: RunTreeElement | undefined) =>
    element?.type === 'node' && element.node.runId ? { runId: element.node.runId, name: element.node.label } : undefined;
  const current = async (runId: string): Promise<Annotation | undefined> =>
    (await session.request(RunDetailsRequest.type, { runId }))?.annotation;
  const set = async (params: SetAnnotationParams): Promise<void> => {
    try {
      await session.request(SetAnnotationRequest.type, params);
    } catch (error) {
      // The server names the file and line when the run's file does not parse; it never overwrites it.
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('ideTracker.toggleStar', async (element?: RunTreeElement) => {
      const run = runOf(element);
      if (!run) return;
      const starred = element?.type === 'node' && element.node.starred === true;
      await set({ runId: run.runId, starred: !starred });
    }),
    vscode.commands.registerCommand('ideTracker.editTags', async (element?: RunTreeElement) => {
      const run = runOf(element);
      if (!run) return;
      const text = await vscode.window.showInputBox({
        title: `Tags of ${run.name}`,
        prompt: 'Separate tags with spaces, or with commas when a tag has spaces. Leave empty to remove them all.',
        value: formatTags((await current(run.runId))?.tags ?? []),
      });
      if (text !== undefined) await set({ runId: run.runId, tags: parseTags(text) });
    }),
    vscode.commands.registerCommand('ideTracker.editNote', async (element?: RunTreeElement) => {
      const run = runOf(element);
      if (!run) return;
      const note = await vscode.window.showInputBox({
        title: `Note on ${run.name}`,
        prompt: 'What this run was about. Leave empty to remove the note.',
        value: (await current(run.runId))?.note ?? '',
      });
      if (note !== undefined) await set({ runId: run.runId, note });
    }),
  );
}
