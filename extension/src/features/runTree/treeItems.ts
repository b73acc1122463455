// How a server node looks in the tree. Labels are plain text (TreeItem labels never render markup);
// descriptions and tooltips are the server's own words.
import * as vscode from 'vscode';
import type { RunDetailsResult, RunStatus, RunTreeNode } from '../../protocol';
import type { MoreElement } from './runTreeElements';

const maxLabelLength = 120;

const numbers = new Intl.NumberFormat('en-US');

/** One line of at most `max` characters: control characters become spaces, a long text ends in "…". */
export function plainLabel(text: string, max = maxLabelLength): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
  const characters = Array.from(oneLine);
  return characters.length <= max ? oneLine : `${characters.slice(0, max - 1).join('')}…`;
}

/**
 * A live run (still being written) spins, whatever its format says of its status; a run that says it is running
 * but has not written for a while (crashed without saying so) keeps the icon, still.
 */
export function statusIcon(status: RunStatus | undefined, live = false): vscode.ThemeIcon {
  if (live) return new vscode.ThemeIcon('sync~spin', new vscode.ThemeColor('charts.blue'));
  switch (status) {
    case 'running': return new vscode.ThemeIcon('sync', new vscode.ThemeColor('charts.blue'));
    case 'finished': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed': return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'killed': return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    case 'scheduled': return new vscode.ThemeIcon('clock');
    default: return new vscode.ThemeIcon('circle-outline');
  }
}

/**
 * A run whose files are gone (kept from its annotation's snapshot) looks faded; a starred run shows a star in its
 * status colour, so the status still shows; a live one spins all the same.
 */
export function runIcon(node: RunTreeNode): vscode.ThemeIcon {
  if (node.gone) return new vscode.ThemeIcon(node.starred ? 'star-empty' : 'history', new vscode.ThemeColor('disabledForeground'));
  const status = statusIcon(node.status, node.live === true);
  if (!node.starred || node.live) return status;
  return new vscode.ThemeIcon('star-full', status.color ?? new vscode.ThemeColor('charts.yellow'));
}

function kindIcon(node: RunTreeNode): vscode.ThemeIcon {
  switch (node.kind) {
    case 'store': return new vscode.ThemeIcon(node.path?.endsWith('.db') ? 'database' : 'folder-library');
    case 'experiment': return new vscode.ThemeIcon('beaker');
    case 'run': return runIcon(node);
    case 'problems': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'problem': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  }
}

export function nodeTreeItem(node: RunTreeNode): vscode.TreeItem {
  const collapsed = node.kind === 'store' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(plainLabel(node.label), node.hasChildren ? collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.contextValue = contextValueOf(node);
  item.iconPath = kindIcon(node);
  if (node.description) item.description = plainLabel(node.description);
  const state = node.kind === 'run'
    ? [node.live ? node.status ?? 'unknown' : node.status, node.live && 'live', node.starred && 'starred', node.gone && 'files gone'].filter(Boolean).join(', ')
    : node.kind;
  const spoken = [item.label as string, state, node.description].filter(Boolean).join(', ');
  item.accessibilityInformation = { label: spoken };
  switch (node.kind) {
    case 'store':
      if (node.path) item.tooltip = node.path;
      break;
    case 'problem':
      item.tooltip = `${node.label}\n${node.description ?? ''}`;
      item.command = { command: 'ideTracker.openProblem', title: 'Open File at Problem', arguments: [node] };
      break;
    case 'problems':
      item.tooltip = 'Files ide-tracker could not read; each opens at the line concerned.';
      break;
    default:
      // Runs get their tooltip from ideTracker/runDetails when the pointer rests on them.
      break;
  }
  return item;
}

/** "run", then the words menus test with `viewItem =~ /^run\b.*\bstarred\b/`: starred or unstarred, gone. */
export function contextValueOf(node: RunTreeNode): string {
  if (node.kind !== 'run') return node.kind;
  return ['run', node.starred ? 'starred' : 'unstarred', node.gone ? 'gone' : undefined].filter(Boolean).join(' ');
}

export function moreTreeItem(more: MoreElement, pageSize: number): vscode.TreeItem {
  const next = Math.min(pageSize, more.total - more.loaded);
  const item = new vscode.TreeItem(`Show ${numbers.format(next)} more…`, vscode.TreeItemCollapsibleState.None);
  item.id = `${more.parent?.node.id ?? 'root'}/more`;
  item.contextValue = 'more';
  item.description = `${numbers.format(more.loaded)} of ${numbers.format(more.total)} shown`;
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.command = { command: 'ideTracker.showMore', title: 'Show More Runs', arguments: [more] };
  return item;
}

/** The server escapes every run-supplied string in it; the tooltip still runs no commands and no HTML. */
export function runTooltip(details: RunDetailsResult): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(details.tooltip);
  markdown.isTrusted = false;
  markdown.supportHtml = false;
  markdown.supportThemeIcons = false;
  return markdown;
}
