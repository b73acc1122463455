// The filter box: a quick pick that checks the filter on the server as it is typed ("12 runs match" or
// where it fails), offers the filters used before, and keeps the old filter when the new one is wrong.
import * as vscode from 'vscode';
import { QueryRequest, type QueryResult } from '../../protocol';
import type { ServerSession } from '../server';
import { errorDetail, runCount, type FilterHistory } from './filterHistory';

interface FilterItem extends vscode.QuickPickItem {
  readonly filter: string;
  readonly valid: boolean;
}

const removeButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('close'), tooltip: 'Remove from history' };

export const filterExamples = [
  'lr < 0.01 and (optimizer = adam or optimizer = sgd)',
  'val_acc > 0.9 and since:7d',
  'status:failed or status:killed',
  'starred or tag:baseline',
  'name ~ "resnet.*" and not source:tensorboard',
];

/** Asks for a filter; resolves to the accepted text ('' clears), or undefined when dismissed. */
export function pickFilter(session: ServerSession, history: FilterHistory, current: string | undefined): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<FilterItem>();
  pick.title = 'Filter runs';
  pick.placeholder = 'lr < 0.01 and optimizer = adam and val_acc > 0.9 and tag:baseline and since:7d';
  pick.value = current ?? '';
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  let typed: FilterItem | undefined;
  let check = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const listed = (): FilterItem[] => {
    const used = history.entries.map<FilterItem>((filter) => ({
      label: filter, filter, valid: true, description: filter === current ? 'current' : 'used before', buttons: [removeButton],
      alwaysShow: true,
    }));
    const examples = used.length > 0 ? [] : filterExamples.map<FilterItem>((filter) => ({ label: filter, filter, valid: true, description: 'example', alwaysShow: true }));
    const clear: FilterItem[] = current ? [{ label: '$(clear-all) Show all runs', filter: '', valid: true, alwaysShow: true }] : [];
    return [...(typed ? [typed] : []), ...clear, ...used, ...examples];
  };

  const validate = async (text: string) => {
    const mine = ++check;
    if (!text.trim()) {
      typed = undefined;
      pick.items = listed();
      return;
    }
    pick.busy = true;
    let result: QueryResult | undefined;
    let failure: string | undefined;
    try {
      result = await session.request(QueryRequest.type, { filter: text, offset: 0, limit: 0 });
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    if (mine !== check) return;
    pick.busy = false;
    if (result?.error) {
      typed = { label: `$(error) ${text}`, filter: text, valid: false, detail: errorDetail(text, result.error.position, result.error.message), alwaysShow: true };
    } else if (result) {
      const n = result.total;
      typed = { label: `$(filter) ${text}`, filter: text, valid: true, detail: `${runCount(n)} ${n === 1 ? 'matches' : 'match'} — Enter to apply`, alwaysShow: true };
    } else {
      typed = { label: `$(warning) ${text}`, filter: text, valid: true, detail: `Not checked: ${failure}`, alwaysShow: true };
    }
    pick.items = listed();
    pick.activeItems = [pick.items[0]!];
  };

  pick.items = listed();
  return new Promise<string | undefined>((resolve) => {
    let accepted: string | undefined;
    pick.onDidChangeValue((text) => {
      clearTimeout(timer);
      timer = setTimeout(() => void validate(text), 150);
    });
    pick.onDidTriggerItemButton(async ({ item }) => {
      await history.remove(item.filter);
      pick.items = listed();
    });
    pick.onDidAccept(async () => {
      const chosen = pick.activeItems[0] ?? pick.selectedItems[0];
      const text = chosen && chosen !== typed ? chosen.filter : pick.value.trim();
      if (text === '') {
        accepted = '';
        pick.hide();
        return;
      }
      if (text !== pick.value) pick.value = text;
      clearTimeout(timer);
      await validate(text);
      if (typed && !typed.valid) return; // the message is on screen; the old filter stays
      accepted = text;
      pick.hide();
    });
    pick.onDidHide(() => {
      clearTimeout(timer);
      pick.dispose();
      resolve(accepted);
    });
    pick.show();
    if (pick.value) void validate(pick.value);
  });
}
