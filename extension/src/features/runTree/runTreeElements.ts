import type { RunTreeNode } from '../../protocol';

/** A node the server sent. The same object stands for the same node across refreshes (its `node` is
 * replaced in place), because VS Code finds the rows to refresh by the objects it was given. */
export class NodeElement {
  readonly type = 'node';
  constructor(public node: RunTreeNode, readonly parent: NodeElement | undefined) {}
}

/** The "Show 500 more…" row after a page of children that has more behind it. */
export interface MoreElement {
  readonly type: 'more';
  readonly parent: NodeElement | undefined;
  readonly loaded: number;
  readonly total: number;
}

export type RunTreeElement = NodeElement | MoreElement;
