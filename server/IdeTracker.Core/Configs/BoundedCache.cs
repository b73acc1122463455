namespace IdeTracker.Core.Configs;

/// <summary>At most <c>capacity</c> values, the least recently used dropped first. A value is worked out once
/// however many threads ask for it at the same time; one whose work threw is not kept.</summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, Lazy<TValue> Value)>> nodes = [];
    private readonly LinkedList<(TKey Key, Lazy<TValue> Value)> recency = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return nodes.Count;
            }
        }
    }

    /// <summary>Up to <paramref name="max"/> keys whose values were worked out, most recently used first.</summary>
    public IReadOnlyList<TKey> RecentKeys(int max)
    {
        lock (gate)
        {
            return [.. recency.Where(n => n.Value.IsValueCreated).Take(max).Select(n => n.Key)];
        }
    }

    public TValue GetOrAdd(TKey key, Func<TValue> create)
    {
        Lazy<TValue> lazy;
        lock (gate)
        {
            if (nodes.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                lazy = node.Value.Value;
            }
            else
            {
                lazy = new Lazy<TValue>(create, LazyThreadSafetyMode.ExecutionAndPublication);
                nodes[key] = recency.AddFirst((key, lazy));
                if (nodes.Count > capacity)
                {
                    nodes.Remove(recency.Last!.Value.Key);
                    recency.RemoveLast();
                }
            }
        }

        try
        {
            return lazy.Value;
        }
        catch
        {
            lock (gate)
            {
                if (nodes.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Value, lazy))
                {
                    nodes.Remove(key);
                    recency.Remove(node);
                }
            }

            throw;
        }
    }
}
