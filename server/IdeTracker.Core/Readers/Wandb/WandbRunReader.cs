using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Wandb;

/// <summary>Reads a Weights &amp; Biases local run folder (wandb/run-&lt;date&gt;_&lt;time&gt;-&lt;id&gt; or
/// wandb/offline-run-…): the full history, run record and exit status from run-&lt;id&gt;.wandb, params from
/// files/config.yaml, last values from files/wandb-summary.json, where and how it ran from
/// files/wandb-metadata.json, packages from files/requirements.txt. The log only grows while the run writes
/// it, so a read can carry on from where the previous one stopped; the small files are read again each time.</summary>
public sealed class WandbRunReader : IResumableRunReader
{
    private readonly TimeProvider _time;

    /// <param name="time">The clock that tells a killed run (quiet for long) from a running one; tests fix it.</param>
    public WandbRunReader(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public string Format => UnitFormats.WandbRun;

    /// <summary>The stamps of the log and of the small files, those that exist: a file that appears later
    /// changes the list, so the run is read again.</summary>
    public IReadOnlyList<FileStamp> Stamp(RunUnit unit) => StampsOf(WandbRunFolder.Find(unit.Path));

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken) => Read(unit, null, cancellationToken);

    public UnitReadResult Read(RunUnit unit, ReadResume? resume, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new UnitReadResult();
        var folder = WandbRunFolder.Find(unit.Path);
        var stamps = StampsOf(folder);
        result.Files.AddRange(stamps);
        if (stamps.Count == 0)
        {
            // A folder that is gone has no run left to report; one that is still there deserves a word.
            if (Directory.Exists(unit.Path))
            {
                result.Problems.Add(new Problem(unit.Path, 0, "no W&B files here (neither a .wandb log nor files/)", ProblemSeverity.Warning));
            }

            return result;
        }

        LogRead? log = null;
        if (folder.Log is { } logFile && stamps.FirstOrDefault(s => s.Path == logFile.FullName) is { Path: not null } logStamp)
        {
            var (state, end, next) = WandbLog.Read(unit.Path, logFile.FullName, logStamp.Size,
                resume is WandbResume own && own.UnitPath == unit.Path ? own : null, result.Problems, cancellationToken);
            log = new LogRead(logFile.FullName, state, end, new DateTimeOffset(logStamp.MtimeTicks, TimeSpan.Zero));
            result.Resume = next;
        }

        var files = WandbSideFiles.Read(folder, stamps, result.Problems);
        var run = WandbRunBuilder.Build(unit, folder, log, files, _time.GetUtcNow());
        if (log is not null)
        {
            LogProblemsOf(log, run.Status, result.Problems);
        }

        result.Runs.Add(run);
        return result;
    }

    private static List<FileStamp> StampsOf(WandbRunFolder folder) =>
        [.. folder.Stamped.Select(f => new FileStamp(f.FullName, f.Length, f.LastWriteTimeUtc.Ticks))];

    /// <summary>The records the log skipped, and how it ended when that was not cleanly: damage stops reading
    /// (a torn last record is a warning, damage with more log after it an error); a record cut off by the end
    /// of the file is only worth a word once the run no longer writes.</summary>
    private static void LogProblemsOf(LogRead log, RunStatus status, List<Problem> problems)
    {
        log.State.Problems.CopyTo(log.Path, problems);
        if (log.State.History.PointsCapped)
        {
            problems.Add(new Problem(log.Path, 0,
                $"the history holds more than {History.MaxPoints:N0} points; the later ones are not read", ProblemSeverity.Warning));
        }

        switch (log.End)
        {
            case { Kind: LogEndKind.Damaged } damaged:
                problems.Add(new Problem(log.Path, 0,
                    $"at byte {damaged.Offset}: {damaged.Reason}; {(damaged.Offset == 0 ? "nothing" : "nothing after it")} is read",
                    damaged.AtTail ? ProblemSeverity.Warning : ProblemSeverity.Error));
                break;
            case { Kind: LogEndKind.Incomplete } incomplete when status != RunStatus.Running:
                problems.Add(new Problem(log.Path, 0,
                    $"at byte {incomplete.Offset}: the log ends inside a record, cut off when the run stopped; everything before it is read",
                    ProblemSeverity.Warning));
                break;
        }
    }
}
