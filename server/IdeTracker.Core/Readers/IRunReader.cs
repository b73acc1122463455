namespace IdeTracker.Core.Readers;

/// <summary>Reads one source format. Readers never write anything inside a store, never throw for bad
/// input (they return problems instead) and are safe to call from several threads at once.</summary>
public interface IRunReader
{
    /// <summary>The unit format this reader handles (<see cref="UnitFormats"/>).</summary>
    string Format { get; }

    /// <summary>Cheap: stats the files the unit depends on, reading none of them. A second scan compares
    /// this with the stored stamps and skips the unit when they are equal.</summary>
    IReadOnlyList<FileStamp> Stamp(RunUnit unit);

    /// <summary>Reads the unit fully. Throws only <see cref="OperationCanceledException"/>.</summary>
    UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken);
}
