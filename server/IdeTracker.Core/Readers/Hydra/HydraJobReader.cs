using IdeTracker.Core.Discovery;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Hydra;

/// <summary>Reads a Hydra job folder (outputs/&lt;date&gt;/&lt;time&gt;, or multirun/&lt;date&gt;/&lt;time&gt;/&lt;n&gt;) as ONE run:
/// Hydra's resolved config as the params, its overrides as the label, joined with whatever the loggers that wrote
/// into the same folder recorded (Lightning, TensorBoard, W&amp;B, MLflow, a CSV), read by their own readers. Hydra
/// itself records no metrics, status or times.</summary>
public sealed class HydraJobReader : IResumableRunReader
{
    private readonly RunDiscovery discovery;
    private readonly IReadOnlyDictionary<string, IRunReader> inner;

    /// <param name="discovery">Finds the loggers' units inside a job.</param>
    /// <param name="innerReaders">The readers of those units, by format.</param>
    public HydraJobReader(RunDiscovery discovery, IEnumerable<IRunReader> innerReaders)
    {
        this.discovery = discovery;
        inner = innerReaders.ToDictionary(r => r.Format, StringComparer.Ordinal);
    }

    public string Format => UnitFormats.HydraJob;

    public IReadOnlyList<FileStamp> Stamp(RunUnit unit)
    {
        var stamps = new List<FileStamp>();
        AddOwnStamps(unit, HydraOutputFolder.Find(unit.Path), stamps);
        foreach (var innerUnit in discovery.DiscoverInside(unit.Path, unit.WorkspaceRoot, CancellationToken.None).Units)
        {
            if (inner.TryGetValue(innerUnit.Format, out var reader))
            {
                stamps.AddRange(reader.Stamp(innerUnit));
            }
        }

        return stamps;
    }

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken) => Read(unit, null, cancellationToken);

    public UnitReadResult Read(RunUnit unit, ReadResume? resume, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new UnitReadResult();
        var output = HydraOutputFolder.Find(unit.Path);
        if (output is null)
        {
            if (Directory.Exists(unit.Path))
            {
                result.Problems.Add(new Problem(unit.Path, 0, "no Hydra output folder (.hydra with hydra.yaml and config.yaml) is here any more", ProblemSeverity.Warning));
            }

            return result;
        }

        AddOwnStamps(unit, output, result.Files);
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        YamlParamsFile.Read(Path.Join(output, "config.yaml"), config, result.Problems);
        var hydraYaml = new Dictionary<string, string>(StringComparer.Ordinal);
        YamlParamsFile.Read(Path.Join(output, "hydra.yaml"), hydraYaml, result.Problems);
        var settings = HydraSettings.From(hydraYaml);
        if (settings.Overrides.Count == 0)
        {
            settings = settings with { Overrides = OverridesFile.Read(Path.Join(output, "overrides.yaml"), result.Problems) };
        }

        var innerRuns = ReadInner(unit, resume as HydraResume, result, cancellationToken);
        result.Runs.Add(JobRun(unit, output, settings, config, innerRuns));
        return result;
    }

    private List<Run> ReadInner(RunUnit unit, HydraResume? resume, UnitReadResult result, CancellationToken cancellationToken)
    {
        var found = discovery.DiscoverInside(unit.Path, unit.WorkspaceRoot, cancellationToken);
        result.Problems.AddRange(found.Problems);
        var runs = new List<Run>();
        var resumes = new Dictionary<string, ReadResume>(StringComparer.Ordinal);
        foreach (var innerUnit in found.Units)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!inner.TryGetValue(innerUnit.Format, out var reader))
            {
                result.Problems.Add(new Problem(innerUnit.Path, 0, $"no reader for {innerUnit.Format} units inside a Hydra job", ProblemSeverity.Warning));
                continue;
            }

            UnitReadResult read;
            try
            {
                read = reader is IResumableRunReader resumable
                    ? resumable.Read(innerUnit, resume?.Inner.GetValueOrDefault(innerUnit.Path), cancellationToken)
                    : reader.Read(innerUnit, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result.Problems.Add(new Problem(innerUnit.Path, 0, $"internal error reading {innerUnit.Format} unit inside a Hydra job: {e.Message}"));
                continue;
            }

            runs.AddRange(read.Runs);
            result.Problems.AddRange(read.Problems);
            result.Files.AddRange(read.Files);
            if (read.Resume is { } next)
            {
                resumes[innerUnit.Path] = next;
            }
        }

        result.Resume = new HydraResume { UnitPath = unit.Path, Inner = resumes };
        return runs;
    }

    private static Run JobRun(RunUnit unit, string output, HydraSettings settings, Dictionary<string, string> config, List<Run> innerRuns)
    {
        var sweep = Path.GetDirectoryName(unit.Path);
        var inSweep = sweep is not null && FolderKinds.IsSweepFolder(sweep) && unit.Path != unit.WorkspaceRoot;
        var nativeId = HydraRunIds.NativeId(unit);
        var run = new Run
        {
            Id = HydraRunIds.Make(unit, unit.Path),
            Source = HydraRunIds.Source,
            NativeId = nativeId,
            StorePath = unit.StorePath,
            Experiment = settings.JobName ?? "hydra",
            Name = inSweep ? "#" + (settings.JobNum ?? Path.GetFileName(unit.Path)) : nativeId,
            ParentId = inSweep ? HydraRunIds.Make(unit, sweep!) : null,
            Label = settings.Label,
            Status = InnerRuns.Status(innerRuns),
            StartTime = InnerRuns.Start(innerRuns) ?? WriteTime(Path.Join(output, "hydra.yaml")),
            EndTime = InnerRuns.End(innerRuns) ?? LastLogged(unit, settings),
            User = InnerRuns.First(innerRuns, r => r.User),
            Host = InnerRuns.First(innerRuns, r => r.Host),
            Command = InnerRuns.First(innerRuns, r => r.Command),
            GitCommit = InnerRuns.First(innerRuns, r => r.GitCommit),
            GitDirty = innerRuns.Select(r => r.GitDirty).FirstOrDefault(d => d is not null),
            Note = InnerRuns.First(innerRuns, r => r.Note),
            Directory = unit.Path,
            MetricsFile = InnerRuns.First(innerRuns, r => r.MetricsFile),
        };

        foreach (var (key, value) in config)
        {
            run.Params[key] = value;
        }

        foreach (var (group, choice) in settings.Choices)
        {
            run.Tags["hydra.choice." + group] = choice;
        }

        if (settings.Version is { } version)
        {
            run.Environment["hydra"] = version;
        }

        if (settings.Cwd is { } cwd)
        {
            run.Environment["cwd"] = cwd;
        }

        InnerRuns.AddTo(run, innerRuns);
        return run;
    }

    /// <summary>Hydra's own files and the job's log: the log is written for as long as the job runs, so its write
    /// time is when a job that no logger describes last did something.</summary>
    private static void AddOwnStamps(RunUnit unit, string? output, List<FileStamp> into)
    {
        if (output is not null)
        {
            foreach (var name in new[] { "config.yaml", "hydra.yaml", "overrides.yaml" })
            {
                AddStamp(Path.Join(output, name), into);
            }
        }

        foreach (var log in JobLogs(unit.Path))
        {
            AddStamp(log, into);
        }
    }

    /// <summary>When the job's log (&lt;job name&gt;.log, else any *.log in the job folder) was last written.</summary>
    private static DateTimeOffset? LastLogged(RunUnit unit, HydraSettings settings)
    {
        var named = settings.JobName is { } name ? Path.Join(unit.Path, name + ".log") : null;
        var log = named is not null && File.Exists(named) ? named : JobLogs(unit.Path).FirstOrDefault();
        return log is null ? null : WriteTime(log);
    }

    private static IEnumerable<string> JobLogs(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*.log").Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            return [];
        }
    }

    private static void AddStamp(string path, List<FileStamp> into)
    {
        var file = new FileInfo(path);
        if (file.Exists)
        {
            into.Add(new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks));
        }
    }

    private static DateTimeOffset? WriteTime(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? new DateTimeOffset(file.LastWriteTimeUtc) : null;
    }
}
