using IdeTracker.Core.Model;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Indexing;

/// <summary>Calls readers so that a bug in one (an exception other than cancellation) costs only that
/// unit: it becomes a problem on the unit and indexing carries on.</summary>
internal static class SafeUnitReading
{
    public static IReadOnlyList<FileStamp>? Stamp(IRunReader reader, RunUnit unit, CancellationToken cancellationToken)
    {
        try
        {
            return reader.Stamp(unit);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public static (RunUnit Unit, UnitReadResult Result) Read(UnitToRead toRead, CancellationToken cancellationToken)
    {
        try
        {
            var result = toRead.Reader is IResumableRunReader resumable
                ? resumable.Read(toRead.Unit, toRead.Resume, cancellationToken)
                : toRead.Reader.Read(toRead.Unit, cancellationToken);
            return (toRead.Unit, result);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var result = new UnitReadResult();
            result.Problems.Add(new Problem(toRead.Unit.Path, 0, $"internal error reading {toRead.Unit.Format} unit: {e.Message}"));

            // The stamps taken before reading keep the unit from being re-read until a file changes.
            result.Files.AddRange(toRead.Stamps ?? Stamp(toRead.Reader, toRead.Unit, cancellationToken) ?? []);
            return (toRead.Unit, result);
        }
    }
}
