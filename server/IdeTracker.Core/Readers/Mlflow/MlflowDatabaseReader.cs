using IdeTracker.Core.Model;
using Microsoft.Data.Sqlite;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Reads every run of an MLflow SQLite tracking database (mlflow.db), read-only: it creates,
/// changes and locks nothing a writer would notice, and tolerates older schema versions by asking each
/// table which columns it has.</summary>
public sealed class MlflowDatabaseReader : IRunReader
{
    private readonly bool includeDeleted;
    private readonly int timeoutSeconds;

    /// <param name="includeDeleted">Also read deleted runs and the runs of deleted experiments.</param>
    /// <param name="busyTimeout">How long to wait for a writer's lock before reporting the database as
    /// locked; whole seconds, at least one (SQLite's timeout of 0 would mean wait forever here).</param>
    public MlflowDatabaseReader(bool includeDeleted = false, TimeSpan? busyTimeout = null)
    {
        this.includeDeleted = includeDeleted;
        timeoutSeconds = Math.Max(1, (int)Math.Ceiling((busyTimeout ?? TimeSpan.FromSeconds(1)).TotalSeconds));
    }

    public string Format => UnitFormats.MlflowDatabase;

    public IReadOnlyList<FileStamp> Stamp(RunUnit unit)
    {
        var stamps = new List<FileStamp>(2);
        foreach (var path in (ReadOnlySpan<string>)[unit.Path, unit.Path + "-wal"])
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                stamps.Add(new FileStamp(path, info.Length, info.LastWriteTimeUtc.Ticks));
            }
        }

        return stamps;
    }

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new UnitReadResult();
        result.Files.AddRange(Stamp(unit));
        if (result.Files.Count == 0 || result.Files[0].Path != unit.Path)
        {
            result.Problems.Add(new Problem(unit.Path, 0, "database file disappeared before it was read"));
            return result;
        }

        try
        {
            if (SqliteFileHeader.Inspect(unit.Path, result.Files[0].Size, result.Problems) is not { } mode)
            {
                return result;
            }

            using var connection = ReadOnlyDatabase.Open(unit.Path, mode, timeoutSeconds, result.Problems);
            result.Runs.AddRange(new MlflowDatabaseLoader(connection, unit, includeDeleted, result.Problems, cancellationToken).Load());
        }
        catch (SqliteException e)
        {
            result.Problems.Add(SqliteProblems.From(unit.Path, e));
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            result.Problems.Add(FileProblems.From(unit.Path, e));
        }

        return result;
    }
}
