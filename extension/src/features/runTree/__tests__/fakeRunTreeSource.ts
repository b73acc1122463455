// An in-memory server for the tree tests: a store with experiments of any size, answering runTree the
// way the real server does (pages of children, totals) and counting the requests it was sent.
import type { RunDetailsResult, RunTreeNode, RunTreeParams, RunTreeResult } from '../../../protocol';
import type { RunTreeSource } from '../runTreeProvider';

export class FakeRunTreeSource implements RunTreeSource {
  readonly requests: RunTreeParams[] = [];
  /** Children by parent node id ('' for the top level). */
  readonly children = new Map<string, RunTreeNode[]>();
  failWith: Error | undefined;

  async runTree(params: RunTreeParams): Promise<RunTreeResult> {
    this.requests.push(params);
    if (this.failWith) throw this.failWith;
    const all = this.children.get(params.nodeId ?? '') ?? [];
    return { nodes: all.slice(params.offset, params.offset + params.limit), total: all.length, offset: params.offset };
  }

  async runDetails(runId: string): Promise<RunDetailsResult | null> {
    return {
      id: runId, nativeId: `native-${runId}`, name: runId, source: 'mlflow', store: 'mlruns', status: 'finished',
      live: false, path: `/ws/mlruns/1/${runId}`, params: {}, metrics: {}, tags: {}, packages: {}, environment: {}, media: [],
      dataInputs: [], tooltip: `**${runId}** · finished`, notes: [],
    };
  }
}

export function storeNode(id: string, runs: number): RunTreeNode {
  return { id, kind: 'store', label: id, description: `MLflow · ${runs} runs`, hasChildren: true, childCount: runs, path: `/ws/${id}` };
}

export function experimentNode(id: string, runs: number): RunTreeNode {
  return { id, kind: 'experiment', label: id, description: `${runs} runs`, hasChildren: runs > 0, childCount: runs };
}

export function runNode(runId: string, extra: Partial<RunTreeNode> = {}): RunTreeNode {
  return {
    id: `["run","${runId}"]`, kind: 'run', label: runId, description: 'val_acc 0.9 · 3 days ago', hasChildren: false,
    runId, source: 'mlflow', status: 'finished', path: `/ws/mlruns/1/${runId}`, ...extra,
  };
}

/** One store "mlruns" holding one experiment "exp" with `runs` runs r0…r(n-1). */
export function oneExperiment(runs: number): FakeRunTreeSource {
  const source = new FakeRunTreeSource();
  source.children.set('', [storeNode('mlruns', runs)]);
  source.children.set('mlruns', [experimentNode('exp', runs)]);
  source.children.set('exp', Array.from({ length: runs }, (_, i) => runNode(`r${i}`)));
  return source;
}
