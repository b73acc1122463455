using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Hydra;

/// <summary>Reads a Hydra multirun sweep folder (multirun/&lt;date&gt;/&lt;time&gt; with multirun.yaml) as the parent run
/// of its jobs: the sweep's base config as params and what it swept over ("lr=0.1,0.01, model=a,b") as its label.
/// Each job folder below is a run of its own (<see cref="HydraJobReader"/>) that names this one as its parent.</summary>
public sealed class HydraSweepReader : IRunReader
{
    public const string FileName = "multirun.yaml";

    public string Format => UnitFormats.HydraSweep;

    public IReadOnlyList<FileStamp> Stamp(RunUnit unit)
    {
        var file = new FileInfo(Path.Join(unit.Path, FileName));
        return file.Exists ? [new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks)] : [];
    }

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new UnitReadResult();
        var file = new FileInfo(Path.Join(unit.Path, FileName));
        if (!file.Exists)
        {
            return result;
        }

        result.Files.Add(new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks));
        var flat = new Dictionary<string, string>(StringComparer.Ordinal);
        YamlParamsFile.Read(file.FullName, flat, result.Problems);
        var settings = HydraSettings.From(flat);
        var run = new Run
        {
            Id = HydraRunIds.Make(unit, unit.Path),
            Source = HydraRunIds.Source,
            NativeId = HydraRunIds.NativeId(unit),
            StorePath = unit.StorePath,
            Experiment = settings.JobName ?? "hydra",
            Name = "sweep " + HydraRunIds.NativeId(unit),
            Label = settings.Label,
            Status = RunStatus.Unknown,
            StartTime = new DateTimeOffset(file.LastWriteTimeUtc),
            Directory = unit.Path,
        };

        foreach (var (key, value) in flat)
        {
            if (!key.StartsWith("hydra.", StringComparison.Ordinal))
            {
                run.Params[key] = value;
            }
        }

        run.Tags["hydra.mode"] = "MULTIRUN";
        if (settings.Version is { } version)
        {
            run.Environment["hydra"] = version;
        }

        result.Runs.Add(run);
        return result;
    }
}
