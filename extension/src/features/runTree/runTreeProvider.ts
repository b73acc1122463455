// The Runs view's data: children fetched from the server one page at a time when a row is expanded,
// a "Show more" row when a page has more behind it, and refreshes that re-fetch only the pages on
// screen and redraw only those that changed.
import * as vscode from 'vscode';
import type { RunDetailsResult, RunTreeParams, RunTreeResult, TreeGrouping } from '../../protocol';
import { NodeElement, type MoreElement, type RunTreeElement } from './runTreeElements';
import { moreTreeItem, nodeTreeItem, runTooltip } from './treeItems';

export interface RunTreeSource {
  runTree(params: RunTreeParams, token?: vscode.CancellationToken): Promise<RunTreeResult>;
  runDetails(runId: string, token?: vscode.CancellationToken): Promise<RunDetailsResult | null>;
}

/** The server never sends more than this many children at once. */
const maxServerPage = 5000;

interface Page {
  readonly parent: NodeElement | undefined;
  elements: NodeElement[];
  total: number;
}

const rootKey = '\u0000root';

/** What the view shows: the runs a filter selects (all when absent), grouped by experiment or by lineage. */
export interface RunTreeViewOptions {
  readonly filter?: string;
  readonly grouping: TreeGrouping;
}

function keyOf(parent: NodeElement | undefined): string {
  return parent?.node.id ?? rootKey;
}

export class RunTreeProvider implements vscode.TreeDataProvider<RunTreeElement> {
  private readonly changed = new vscode.EventEmitter<RunTreeElement | undefined>();
  private pages = new Map<string, Page>();
  private readonly loading = new Map<string, Promise<Page>>();
  private readonly runs = new Map<string, NodeElement>();
  private refreshQueue: Promise<void> = Promise.resolve();
  private generation = 0;
  private viewOptions: RunTreeViewOptions = { grouping: 'experiment' };

  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly source: RunTreeSource,
    /** Told about each request that failed; the tree shows what it has and carries on. */
    private readonly onError: (what: string, error: unknown) => void,
    readonly pageSize = 500,
  ) {}

  getTreeItem(element: RunTreeElement): vscode.TreeItem {
    return element.type === 'node' ? nodeTreeItem(element.node) : moreTreeItem(element, this.pageSize);
  }

  getParent(element: RunTreeElement): RunTreeElement | undefined {
    return element.parent;
  }

  async getChildren(element?: RunTreeElement): Promise<RunTreeElement[]> {
    if (element?.type === 'more' || (element && !element.node.hasChildren)) return [];
    const page = await this.pageOf(element);
    if (!page) return [];
    const children: RunTreeElement[] = [...page.elements];
    if (page.elements.length < page.total) {
      children.push({ type: 'more', parent: element, loaded: page.elements.length, total: page.total });
    }
    return children;
  }

  async resolveTreeItem(item: vscode.TreeItem, element: RunTreeElement, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (element.type !== 'node' || !element.node.runId) return item;
    try {
      const details = await this.source.runDetails(element.node.runId, token);
      if (details) item.tooltip = runTooltip(details);
    } catch (error) {
      this.onError(`Details of run ${element.node.runId}`, error);
    }
    return item;
  }

  /** Appends the next page after a "Show more" row. */
  async showMore(more: MoreElement): Promise<void> {
    const key = keyOf(more.parent);
    const page = this.pages.get(key);
    if (!page) return;
    const generation = this.generation;
    const next = await this.fetch(more.parent, page.elements.length, this.pageSize);
    if (!next || generation !== this.generation || this.pages.get(key) !== page) return;
    const known = new Set(page.elements.map((e) => e.node.id));
    const added = next.nodes.filter((node) => !known.has(node.id)).map((node) => new NodeElement(node, more.parent));
    page.elements = [...page.elements, ...added];
    page.total = next.total;
    this.index(page);
    this.changed.fire(more.parent);
  }

  get options(): RunTreeViewOptions {
    return this.viewOptions;
  }

  /** Shows another filter or grouping: every page is fetched anew. */
  setOptions(options: RunTreeViewOptions): void {
    if (options.filter === this.viewOptions.filter && options.grouping === this.viewOptions.grouping) return;
    this.viewOptions = options;
    this.reset();
  }

  /** The run's row if it is on screen (loaded in some expanded page). */
  elementOf(runId: string): NodeElement | undefined {
    return this.runs.get(runId);
  }

  /**
   * Finds a run's row, loading pages as needed: its store (the one whose folder holds the run), its
   * experiment, its ancestor runs first for a child run (`ancestors`, outermost first), then pages of runs until it shows up (at most
   * `maxPages`). Undefined when it is not in the view (filtered out, or further down than that).
   */
  async locate(run: { runId: string; path: string; experiment?: string; ancestors?: readonly string[] }, maxPages = 20): Promise<NodeElement | undefined> {
    const known = this.runs.get(run.runId);
    if (known) return known;
    const stores = (await this.getChildren()).filter((e): e is NodeElement => e.type === 'node' && e.node.kind === 'store');
    const store = stores
      .filter((e) => e.node.path && (run.path === e.node.path || run.path.startsWith(`${e.node.path}/`) || run.path.startsWith(`${e.node.path}\\`)))
      .sort((a, b) => b.node.path!.length - a.node.path!.length)[0];
    if (!store) return undefined;
    const experiments = await this.getChildren(store);
    const experimentLabel = run.experiment ?? '(no experiment)';
    const experiment = experiments.find((e): e is NodeElement => e.type === 'node' && e.node.label === experimentLabel);
    if (!experiment) return undefined;
    const searchUnder = async (parent: NodeElement, runId: string): Promise<NodeElement | undefined> => {
      let children = await this.getChildren(parent);
      for (let page = 0; page < maxPages; page++) {
        const found = children.find((e): e is NodeElement => e.type === 'node' && e.node.runId === runId);
        if (found) return found;
        const more = children.at(-1);
        if (more?.type !== 'more') return undefined;
        await this.showMore(more);
        children = await this.getChildren(parent);
      }
      return undefined;
    };
    if (this.viewOptions.grouping === 'lineage') return this.searchLineage(experiment, run.runId, maxPages);
    // With a filter, runs are listed flat, not under their parent run.
    const nested = !this.viewOptions.filter;
    let under: NodeElement | undefined = experiment;
    for (const id of nested ? [...(run.ancestors ?? []), run.runId] : [run.runId]) {
      under = under && await searchUnder(under, id);
    }
    return under;
  }

  /** By lineage a run may hang any depth below its experiment: looks breadth first through the rows
   * that have children, opening at most `maxOpened` of them. */
  private async searchLineage(experiment: NodeElement, runId: string, maxOpened: number): Promise<NodeElement | undefined> {
    const queue: NodeElement[] = [experiment];
    for (let opened = 0; queue.length > 0 && opened < maxOpened; opened++) {
      const parent = queue.shift()!;
      for (const child of await this.getChildren(parent)) {
        if (child.type !== 'node') continue;
        if (child.node.runId === runId) return child;
        if (child.node.hasChildren) queue.push(child);
      }
    }
    return undefined;
  }

  /** Forgets every page and redraws from the top. */
  reset(): void {
    this.generation++;
    this.pages = new Map();
    this.loading.clear();
    this.runs.clear();
    this.changed.fire(undefined);
  }

  /** After the server changed `runIds` (or everything, with `all`): re-fetches the pages that can show
   * the change and redraws those whose content differs. */
  runsChanged(runIds: readonly string[], all: boolean): Promise<void> {
    const run = async () => {
      const parents = all ? undefined : this.parentKeysOf(runIds);
      await this.refreshPages(parents);
      // A run that was on screen and is gone took a count (and maybe its experiment or store) with it.
      if (parents && runIds.some((id) => !this.runs.has(id))) await this.refreshPages(undefined);
    };
    this.refreshQueue = this.refreshQueue.then(run, run);
    return this.refreshQueue;
  }

  /** The rows a run is shown under, or undefined when some run is not on screen (a new run, or one in an
   * experiment not expanded): then every page on screen may need its counts updated. */
  private parentKeysOf(runIds: readonly string[]): Set<string> | undefined {
    const keys = new Set<string>();
    for (const id of runIds) {
      const element = this.runs.get(id);
      if (!element) return undefined;
      keys.add(keyOf(element.parent));
    }
    return keys;
  }

  private async refreshPages(keys: Set<string> | undefined): Promise<void> {
    const generation = this.generation;
    const targets = [...this.pages.entries()].filter(([key]) => !keys || keys.has(key));
    for (const [key, page] of targets) {
      const fresh = await this.fetchAll(page.parent, Math.max(this.pageSize, page.elements.length));
      if (generation !== this.generation || this.pages.get(key) !== page) return;
      if (!fresh) continue;
      if (fresh.total === page.total && sameNodes(page.elements, fresh.nodes)) continue;
      const previous = new Map(page.elements.map((e) => [e.node.id, e]));
      page.elements = fresh.nodes.map((node) => {
        const existing = previous.get(node.id);
        if (!existing) return new NodeElement(node, page.parent);
        existing.node = node;
        return existing;
      });
      page.total = fresh.total;
      for (const gone of previous.values()) {
        if (gone.node.runId && this.runs.get(gone.node.runId) === gone) this.runs.delete(gone.node.runId);
      }
      this.index(page);
      this.changed.fire(page.parent);
    }
    this.forgetUnreachablePages();
  }

  /** Pages under rows that are gone (a deleted store or experiment) are never shown again. */
  private forgetUnreachablePages(): void {
    const reachable = new Set<string>();
    const visit = (key: string) => {
      const page = this.pages.get(key);
      if (!page || reachable.has(key)) return;
      reachable.add(key);
      for (const element of page.elements) visit(keyOf(element));
    };
    visit(rootKey);
    for (const key of [...this.pages.keys()]) {
      if (reachable.has(key)) continue;
      for (const element of this.pages.get(key)!.elements) {
        if (element.node.runId && this.runs.get(element.node.runId) === element) this.runs.delete(element.node.runId);
      }
      this.pages.delete(key);
    }
  }

  private pageOf(parent: NodeElement | undefined): Promise<Page | undefined> {
    const key = keyOf(parent);
    const cached = this.pages.get(key);
    if (cached) return Promise.resolve(cached);
    let pending = this.loading.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = this.fetchAll(parent, this.pageSize).then((result) => {
        if (!result) throw new Error('not loaded');
        const page: Page = { parent, elements: result.nodes.map((node) => new NodeElement(node, parent)), total: result.total };
        if (generation === this.generation) {
          this.pages.set(key, page);
          this.index(page);
        }
        return page;
      });
      this.loading.set(key, pending);
      const forget = () => { if (this.loading.get(key) === pending) this.loading.delete(key); };
      pending.then(forget, forget);
    }
    return pending.catch(() => undefined);
  }

  /** The first `count` children, in as few requests as the server allows. */
  private async fetchAll(parent: NodeElement | undefined, count: number): Promise<RunTreeResult | undefined> {
    const first = await this.fetch(parent, 0, Math.min(count, maxServerPage));
    if (!first) return undefined;
    const nodes = [...first.nodes];
    while (nodes.length < Math.min(count, first.total)) {
      const next = await this.fetch(parent, nodes.length, Math.min(count - nodes.length, maxServerPage));
      if (!next || next.nodes.length === 0) break;
      nodes.push(...next.nodes);
    }
    return { nodes, total: first.total, offset: 0 };
  }

  private async fetch(parent: NodeElement | undefined, offset: number, limit: number): Promise<RunTreeResult | undefined> {
    try {
      const params: RunTreeParams = parent ? { nodeId: parent.node.id, offset, limit } : { offset, limit };
      if (this.viewOptions.filter) params.filter = this.viewOptions.filter;
      if (this.viewOptions.grouping !== 'experiment') params.grouping = this.viewOptions.grouping;
      return await this.source.runTree(params);
    } catch (error) {
      this.onError(`Children of ${parent ? JSON.stringify(parent.node.label) : 'the top level'}`, error);
      return undefined;
    }
  }

  private index(page: Page): void {
    for (const element of page.elements) {
      if (element.node.runId) this.runs.set(element.node.runId, element);
    }
  }
}

function sameNodes(elements: readonly NodeElement[], nodes: readonly RunTreeResult['nodes'][number][]): boolean {
  return elements.length === nodes.length && elements.every((e, i) => JSON.stringify(e.node) === JSON.stringify(nodes[i]));
}
