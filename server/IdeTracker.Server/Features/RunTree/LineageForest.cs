using IdeTracker.Core.Index;
using IdeTracker.Core.Model;

namespace IdeTracker.Server.Features.RunTree;

/// <summary>How the runs of one experiment evolved: each run hangs under the earlier run (by start time,
/// runs without one last) whose params differ from its own in the fewest keys, ties going to the most
/// recent; the first run is a root. To stay fast on huge experiments a run is compared with at most
/// <see cref="Window"/> runs just before it, plus the latest earlier run with exactly its params however far
/// back (a repeated config always finds its twin): 10,000 runs cost about a million sparse comparisons.</summary>
public sealed class LineageForest
{
    public const int Window = 100;

    private static readonly IReadOnlyList<string> None = [];
    private readonly Dictionary<string, Node> _nodes;
    private readonly List<string> _roots;

    private LineageForest(Dictionary<string, Node> nodes, List<string> roots)
    {
        _nodes = nodes;
        _roots = roots;
    }

    public int RunCount => _nodes.Count;

    /// <summary>The runs hanging under <paramref name="runId"/> (null: the roots), by start time.</summary>
    public IReadOnlyList<string> ChildrenOf(string? runId) =>
        runId is null ? _roots : _nodes.TryGetValue(runId, out var node) ? node.Children : None;

    public string? ParentOf(string runId) => _nodes.TryGetValue(runId, out var node) ? node.Parent : null;

    /// <summary>What changed from the run it hangs under; null for a root or a run not in the experiment.</summary>
    public string? ChangeOf(string runId) => _nodes.TryGetValue(runId, out var node) ? node.Change : null;

    /// <summary><paramref name="runs"/> must be in start order, as <see cref="IndexStore.GetExperimentRunParams"/> reads them.</summary>
    public static LineageForest Build(IReadOnlyList<RunParamsRow> runs)
    {
        var signatures = ParamSignatures.Of(runs);
        var latestWithSignature = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, Node>(runs.Count, StringComparer.Ordinal);
        var roots = new List<string>();
        for (var i = 0; i < runs.Count; i++)
        {
            var parent = i == 0 ? -1 : ClosestEarlier(signatures, latestWithSignature, i);
            latestWithSignature[signatures.Text[i]] = i;
            var run = runs[i];
            var node = new Node(parent < 0 ? null : runs[parent].Id, parent < 0 ? null : ParamChanges.Describe(runs[parent], run));
            nodes[run.Id] = node;
            if (parent < 0)
            {
                roots.Add(run.Id);
            }
            else
            {
                nodes[runs[parent].Id].Children.Add(run.Id);
            }
        }

        return new LineageForest(nodes, roots);
    }

    private static int ClosestEarlier(ParamSignatures signatures, Dictionary<string, int> latestWithSignature, int i)
    {
        if (latestWithSignature.TryGetValue(signatures.Text[i], out var twin))
        {
            return twin;
        }

        var best = -1;
        var bestDifference = int.MaxValue;
        for (var j = i - 1; j >= Math.Max(0, i - Window); j--)
        {
            var difference = signatures.Difference(i, j);
            if (difference < bestDifference)
            {
                (best, bestDifference) = (j, difference);
            }
        }

        return best;
    }

    private sealed record Node(string? Parent, string? Change)
    {
        public List<string> Children { get; } = [];
    }
}
