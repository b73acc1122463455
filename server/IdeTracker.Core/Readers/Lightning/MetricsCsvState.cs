using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Lightning;

/// <summary>Where a read of metrics.csv stopped, after its last whole row, and what it had taken: a later read of the
/// same file, grown by rows, carries on from there. CSVLogger rewrites the whole file when a new key appears (the
/// header changes), so the header and the bytes just before the offset are kept to tell a rewrite from an append.</summary>
internal sealed class MetricsCsvState
{
    /// <summary>The series read so far, shared with the run the read returned.</summary>
    public required Dictionary<string, List<MetricPoint>> Metrics { get; init; }

    /// <summary>How many points each series had after the whole rows: a cancelled read may have added more.</summary>
    public required KeyValuePair<string, int>[] SeriesCounts { get; init; }

    /// <summary>The columns of the header in force at the offset.</summary>
    public required Columns Columns { get; init; }

    /// <summary>Offset just after the last whole line.</summary>
    public required long WholeEnd { get; init; }

    public required int WholeLines { get; init; }

    /// <summary>The problems listed so far (without the "more problems" line), and how many were found in all.</summary>
    public required Problem[] Problems { get; init; }

    public required int ProblemCount { get; init; }

    /// <summary>The header line as read (its first few KiB).</summary>
    public required FileLandmark Header { get; init; }

    /// <summary>Up to 32 bytes right before <see cref="WholeEnd"/>, as the read saw them (an earlier read's, when this one
    /// took no new line).</summary>
    public required FileLandmark Check { get; init; }
}
