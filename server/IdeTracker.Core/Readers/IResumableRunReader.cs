namespace IdeTracker.Core.Readers;

/// <summary>A reader of files that only grow while a run writes them (event files, logs, metric files), which
/// can carry on from where its previous read of the same unit stopped instead of reading everything again.
/// The indexer keeps the <see cref="ReadResume"/> of recently changed units in memory and hands it back.</summary>
public interface IResumableRunReader : IRunReader
{
    /// <summary>Reads the unit. When <paramref name="resume"/> is the one the previous read of this unit returned
    /// and every file it read has only grown since (same file, bytes before its offset unchanged as far as the
    /// reader checks), only the new bytes are parsed; otherwise the unit is read whole, exactly as
    /// <see cref="IRunReader.Read"/> does. Either way the result is the one a whole read would give now, and
    /// <see cref="UnitReadResult.Resume"/> carries where to continue next time. A record still being written
    /// (a partial last line or frame) is not taken: the next read starts at its beginning.
    /// Throws only <see cref="OperationCanceledException"/>.</summary>
    UnitReadResult Read(RunUnit unit, ReadResume? resume, CancellationToken cancellationToken);
}
