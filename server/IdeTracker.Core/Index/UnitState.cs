using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Index;

/// <summary>What the index remembers of a unit to know, on the next scan, whether it must be read again.</summary>
public sealed record UnitState(string Format, string StorePath, IReadOnlyList<FileStamp> Files)
{
    /// <summary>True when <paramref name="unit"/> is still read the same way and its files carry exactly
    /// these stamps, in any order.</summary>
    public bool IsUnchanged(RunUnit unit, IReadOnlyList<FileStamp> stamps)
    {
        if (!string.Equals(Format, unit.Format, StringComparison.Ordinal)
            || !string.Equals(StorePath, unit.StorePath, StringComparison.Ordinal)
            || stamps.Count != Files.Count)
        {
            return false;
        }

        for (var i = 0; i < stamps.Count; i++)
        {
            if (stamps[i] != Files[i] && !Files.Contains(stamps[i]))
            {
                return false;
            }
        }

        return true;
    }
}
