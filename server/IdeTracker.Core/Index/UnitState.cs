using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Index;

/// <summary>What the index remembers of a unit to know, on the next scan, whether it must be read again:
/// how it was read and a fingerprint of its files' stamps (<see cref="StampFingerprint"/>).</summary>
public sealed record UnitState(string Format, string StorePath, long Fingerprint, int FileCount)
{
    /// <summary>True when <paramref name="unit"/> is still read the same way and its files carry exactly
    /// the stamps it had, in any order.</summary>
    public bool IsUnchanged(RunUnit unit, IReadOnlyList<FileStamp> stamps) =>
        string.Equals(Format, unit.Format, StringComparison.Ordinal)
        && string.Equals(StorePath, unit.StorePath, StringComparison.Ordinal)
        && stamps.Count == FileCount
        && StampFingerprint.Of(stamps) == Fingerprint;
}
