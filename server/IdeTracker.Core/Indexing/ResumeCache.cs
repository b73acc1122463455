using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Indexing;

/// <summary>Where resumable readers stopped in the units that changed most recently: the runs being written, whose
/// next change then costs only the new bytes. Bounded by unit count and by the points the resumes hold (a resume
/// keeps the run read so far), least recently used first out. Thread-safe.</summary>
internal sealed class ResumeCache
{
    public const int DefaultUnits = 32;
    public const long DefaultBytes = 64L * 1024 * 1024;

    // A metric point as a resume holds it: step, timestamp, value.
    private const long BytesPerPoint = 24;

    private readonly int maxUnits;
    private readonly long maxBytes;
    private readonly Lock gate = new();
    private readonly LinkedList<Entry> order = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> byPath = new(StringComparer.Ordinal);
    private long bytes;

    public ResumeCache(int maxUnits = DefaultUnits, long maxBytes = DefaultBytes)
    {
        this.maxUnits = maxUnits;
        this.maxBytes = maxBytes;
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return byPath.Count;
            }
        }
    }

    public ReadResume? Get(string unitPath)
    {
        lock (gate)
        {
            return byPath.TryGetValue(unitPath, out var node) ? node.Value.Resume : null;
        }
    }

    /// <summary>Keeps the resume of a read (or forgets the unit's old one when the read gave none).</summary>
    public void Put(string unitPath, UnitReadResult result)
    {
        lock (gate)
        {
            RemoveLocked(unitPath);
            if (result.Resume is not { } resume || resume.UnitPath != unitPath)
            {
                return;
            }

            var weight = result.Runs.Sum(r => r.Metrics.Values.Sum(points => (long)points.Count)) * BytesPerPoint;
            if (weight > maxBytes)
            {
                return;
            }

            byPath[unitPath] = order.AddFirst(new Entry(unitPath, resume, weight));
            bytes += weight;
            while (byPath.Count > maxUnits || bytes > maxBytes)
            {
                RemoveLocked(order.Last!.Value.UnitPath);
            }
        }
    }

    public void Remove(string unitPath)
    {
        lock (gate)
        {
            RemoveLocked(unitPath);
        }
    }

    private void RemoveLocked(string unitPath)
    {
        if (byPath.Remove(unitPath, out var node))
        {
            bytes -= node.Value.Weight;
            order.Remove(node);
        }
    }

    private sealed record Entry(string UnitPath, ReadResume Resume, long Weight);
}
