using System.Globalization;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Walks a <see cref="DataNode"/> tree to its leaves, joining keys with a separator: "optimizer.lr"
/// for params, "train/acc" for DVCLive metrics; list items by index ("layers.0"). An empty mapping or list is
/// a leaf of its own ("{}", "[]"), as the YAML params reader writes them. Shared nodes (YAML aliases) are
/// walked where they are used, within a budget of leaves and a depth, so no tree costs more than that.</summary>
internal static class NodeFlattener
{
    public const int MaxLeaves = 10_000;
    public const int MaxDepth = 64;
    private const int MaxVisits = 200_000;

    /// <summary>Calls <paramref name="leaf"/> with every leaf's key and node (an empty collection comes as
    /// itself). Returns a message when the walk was cut short, else null.</summary>
    public static string? Walk(DataNode root, string separator, Action<string, DataNode> leaf, string prefix = "")
    {
        var walk = new State(separator, leaf);
        walk.Visit(root, prefix, 0);
        return walk.Message;
    }

    /// <summary>The scalar text a leaf stands for in params: its text, or "{}" / "[]" for an empty collection.</summary>
    public static string TextOf(DataNode leaf) => leaf.Kind switch
    {
        DataNodeKind.Mapping => "{}",
        DataNodeKind.Sequence => "[]",
        _ => leaf.Text,
    };

    private sealed class State(string separator, Action<string, DataNode> leaf)
    {
        private int _leaves;
        private int _visits;

        public string? Message { get; private set; }

        public void Visit(DataNode node, string key, int depth)
        {
            if (Message is not null)
            {
                return;
            }

            if (++_visits > MaxVisits)
            {
                Message = $"more than {MaxVisits:N0} values to walk; the rest are not read";
                return;
            }

            if (depth > MaxDepth)
            {
                Message = $"nested deeper than {MaxDepth} levels; values from there on are not read";
                return;
            }

            var children = node.Kind switch
            {
                DataNodeKind.Mapping => node.Entries.Count,
                DataNodeKind.Sequence => node.Items.Count,
                _ => 0,
            };
            if (children == 0)
            {
                if (key.Length == 0)
                {
                    // An empty document or a bare scalar at the top has no name to file a value under.
                    return;
                }

                if (++_leaves > MaxLeaves)
                {
                    Message = $"more than {MaxLeaves:N0} values; the rest are not read";
                    return;
                }

                leaf(key, node);
                return;
            }

            if (node.IsMapping)
            {
                foreach (var (name, value) in node.Entries)
                {
                    Visit(value, Join(key, name), depth + 1);
                }
            }
            else
            {
                for (var i = 0; i < node.Items.Count; i++)
                {
                    Visit(node.Items[i], Join(key, i.ToString(CultureInfo.InvariantCulture)), depth + 1);
                }
            }
        }

        private string Join(string key, string name) => key.Length == 0 ? name : key + separator + name;
    }
}
