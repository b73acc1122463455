using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Reads one run folder of an MLflow file store (<c>mlruns/&lt;experiment&gt;/&lt;run id&gt;</c>):
/// its meta.yaml, its experiment's meta.yaml, params/, tags/ and metrics/. Agrees with what MLflow's own
/// file store reports for the run, and tolerates what MLflow would refuse (bad lines, damaged files,
/// folders that vanish) by reporting it as located problems.</summary>
public sealed class MlflowFileRunReader : IRunReader
{
    private readonly bool includeDeleted;
    private readonly ExperimentMetaCache experiments = new();

    /// <param name="includeDeleted">Also read runs, and runs of experiments, whose lifecycle_stage is
    /// deleted (MLflow hides them by default).</param>
    public MlflowFileRunReader(bool includeDeleted = false)
    {
        this.includeDeleted = includeDeleted;
    }

    public string Format => UnitFormats.MlflowFileRun;

    public IReadOnlyList<FileStamp> Stamp(RunUnit unit)
    {
        var stamps = new List<FileStamp>();
        RunFolderScan.Of(unit.Path, problems: null).AddStampsTo(stamps);
        return stamps;
    }

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new UnitReadResult();
        var problems = result.Problems;
        var scan = RunFolderScan.Of(unit.Path, problems);
        scan.AddStampsTo(result.Files);
        if (scan.Meta is not { } metaStamp)
        {
            problems.Add(Directory.Exists(scan.RunFolder)
                ? new Problem(scan.MetaPath, 0, "run folder has no meta.yaml; not read as a run")
                : new Problem(scan.RunFolder, 0, "run folder disappeared before it was read"));
            return result;
        }

        var experiment = experiments.Get(scan.ExperimentMetaPath, scan.ExperimentMeta);
        problems.AddRange(experiment.Problems);
        if (experiment.Deleted && !includeDeleted)
        {
            return result;
        }

        var record = RunMetaFile.Read(scan.MetaPath, metaStamp.Size, Path.GetFileName(scan.RunFolder), problems);
        if (record is null || (record.Deleted && !includeDeleted))
        {
            return result;
        }

        record.ExperimentName = experiment.Name;
        record.ExperimentId ??= experiment.Id ?? Path.GetFileName(scan.ExperimentFolder);
        ReadValues(scan.Tags, record.Tags, problems, cancellationToken);

        var storeRelative = PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath);
        var run = record.ToRun(unit.StorePath, storeRelative, scan.RunFolder, scan.HasMetricsFolder ? scan.MetricsFolder : null);
        ReadValues(scan.Params, run.Params, problems, cancellationToken);
        foreach (var file in scan.Metrics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (MetricFile.Read(file.Path, file.Size, problems, cancellationToken) is { } points)
            {
                run.Metrics[file.Key] = points;
            }
        }

        result.Runs.Add(run);
        return result;
    }

    /// <summary>Params and tags: one file per key, the whole file is the value.</summary>
    private static void ReadValues(List<RunFile> files, Dictionary<string, string> into, List<Problem> problems, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TextFile.Read(file.Path, file.Size, problems) is { } value)
            {
                into[file.Key] = value;
            }
        }
    }
}
