using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>Reads one run folder of a Sacred FileStorageObserver (&lt;basedir&gt;/&lt;id&gt;): run.json for what the run
/// is and how it went, config.json for the params, metrics.json for the metrics, and the numbers in info.json
/// (where Sacred before 0.7 kept its results). Sacred rewrites each file whole, so there is nothing to resume.
/// <para>The run's name is "&lt;experiment&gt; #&lt;id&gt;" (Sacred's own console says "Started run with ID 3"), its
/// label what was set on the command line ("small lr=0.1"). A RUNNING run whose heartbeat is older than
/// <see cref="SacredStatus.StaleAfter"/> died without saying so and is shown as killed, ending at its last
/// heartbeat. A numeric result becomes the metric "result"; a failed run's last traceback line is the tag
/// "sacred.fail_reason".</para></summary>
public sealed class SacredRunReader : IRunReader
{
    public const string Source = "sacred";
    public const string RunFileName = "run.json";
    public const string ConfigFileName = "config.json";
    public const string MetricsFileName = "metrics.json";
    public const string InfoFileName = "info.json";

    /// <summary>Points one run may hold across metrics.json and info.json (24 bytes each in memory).</summary>
    public const long MaxPoints = 8_000_000;

    private const string ResultMetric = "result";

    private static readonly string[] FileNames = [RunFileName, ConfigFileName, MetricsFileName, InfoFileName];

    private readonly TimeProvider _clock;

    public SacredRunReader()
        : this(TimeProvider.System)
    {
    }

    /// <param name="clock">Tells "now" to the heartbeat rule; tests pass a fixed one.</param>
    public SacredRunReader(TimeProvider clock) => _clock = clock;

    public string Format => UnitFormats.SacredRun;

    /// <summary>run.json, config.json, metrics.json and info.json, those that exist (cout.txt changes with every
    /// heartbeat, as run.json does, and is not read).</summary>
    public IReadOnlyList<FileStamp> Stamp(RunUnit unit) => StampsOf(unit.Path);

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new UnitReadResult();
        result.Files.AddRange(StampsOf(unit.Path));
        var runJson = Path.Join(unit.Path, RunFileName);
        if (!File.Exists(runJson))
        {
            if (Directory.Exists(unit.Path))
            {
                result.Problems.Add(new Problem(unit.Path, 0, $"has no {RunFileName}; not read as a Sacred run", ProblemSeverity.Warning));
            }

            return result;
        }

        // A run.json that cannot be read (most often one caught mid-rewrite) still leaves a run: its config and
        // metrics are worth showing, and the next heartbeat's rewrite brings the rest back.
        var record = RunJsonFile.Read(runJson, unit.WorkspaceRoot, _clock.GetUtcNow(), result.Problems) ?? new SacredRunRecord();
        var run = NewRun(unit, record);
        var configJson = Path.Join(unit.Path, ConfigFileName);
        if (File.Exists(configJson))
        {
            ConfigJsonFile.Read(configJson, run.Params, result.Problems);
        }

        cancellationToken.ThrowIfCancellationRequested();
        ReadMetrics(unit, run, record, result.Problems, cancellationToken);
        result.Runs.Add(run);
        return result;
    }

    private static Run NewRun(RunUnit unit, SacredRunRecord record)
    {
        var id = Path.GetFileName(Path.TrimEndingDirectorySeparator(unit.Path));
        var metricsJson = Path.Join(unit.Path, MetricsFileName);
        var run = new Run
        {
            Id = RunIds.Make(Source, PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath), id),
            Source = Source,
            NativeId = id,
            StorePath = unit.StorePath,
            Experiment = record.Experiment,
            Name = record.Experiment is { Length: > 0 } experiment ? $"{experiment} #{id}" : "#" + id,
            Status = record.Status,
            StartTime = record.StartTime,
            EndTime = record.EndTime,
            User = record.User,
            Host = record.Host,
            Command = record.Command,
            GitCommit = record.GitCommit,
            GitDirty = record.GitDirty,
            Note = record.Note,
            Label = record.Label,
            Directory = unit.Path,
            MetricsFile = File.Exists(metricsJson) ? metricsJson : null,
        };
        Copy(record.Tags, run.Tags);
        Copy(record.Packages, run.Packages);
        Copy(record.Environment, run.Environment);
        run.DataInputs.AddRange(record.DataInputs);
        return run;
    }

    private static void ReadMetrics(RunUnit unit, Run run, SacredRunRecord record, List<Problem> problems, CancellationToken ct)
    {
        var points = 0L;
        if (run.MetricsFile is { } metricsJson)
        {
            points += MetricsJsonFile.Read(metricsJson, run.Metrics, MaxPoints, problems, ct);
        }

        var infoJson = Path.Join(unit.Path, InfoFileName);
        if (File.Exists(infoJson))
        {
            points += InfoJsonFile.Read(infoJson, run.Metrics, MaxPoints - points, problems);
        }

        if (record.Result is { } value)
        {
            var name = run.Metrics.ContainsKey(ResultMetric) ? "sacred." + ResultMetric : ResultMetric;
            var at = run.EndTime is { } end ? UtcTime.ToMilliseconds(end) : 0;
            run.Metrics[name] = [new MetricPoint(0, at, value)];
        }
    }

    private static List<FileStamp> StampsOf(string folder)
    {
        var stamps = new List<FileStamp>(FileNames.Length);
        foreach (var name in FileNames)
        {
            var file = new FileInfo(Path.Join(folder, name));
            if (file.Exists)
            {
                stamps.Add(new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks));
            }
        }

        return stamps;
    }

    private static void Copy(Dictionary<string, string> from, Dictionary<string, string> to)
    {
        foreach (var (key, value) in from)
        {
            to[key] = value;
        }
    }
}
