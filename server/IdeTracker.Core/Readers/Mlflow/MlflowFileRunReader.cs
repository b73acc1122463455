using System.Runtime.InteropServices;
using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Reads one run folder of an MLflow file store (<c>mlruns/&lt;experiment&gt;/&lt;run id&gt;</c>):
/// its meta.yaml, its experiment's meta.yaml, params/, tags/ and metrics/. Agrees with what MLflow's own
/// file store reports for the run, and tolerates what MLflow would refuse (bad lines, damaged files,
/// folders that vanish) by reporting it as located problems. A run that is still logging only appends to
/// its metric files, so a read that resumes an earlier one parses only the appended lines, and re-reads
/// meta.yaml, tags and params only when their stamps changed.</summary>
public sealed class MlflowFileRunReader : IResumableRunReader
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

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken) => Read(unit, null, cancellationToken);

    public UnitReadResult Read(RunUnit unit, ReadResume? resume, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var previous = resume is MlflowResume mine && mine.UnitPath == unit.Path ? mine : null;
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

        var meta = previous is not null && previous.MetaStamp == metaStamp ? previous.Meta : null;
        Problem[] metaProblems;
        if (meta is not null)
        {
            metaProblems = previous!.MetaProblems;
            problems.AddRange(metaProblems);
        }
        else
        {
            var before = problems.Count;
            meta = RunMetaFile.Read(scan.MetaPath, metaStamp.Size, Path.GetFileName(scan.RunFolder), problems);
            metaProblems = problems.Count == before ? [] : [.. problems.GetRange(before, problems.Count - before)];
        }

        if (meta is null || (meta.Deleted && !includeDeleted))
        {
            return result;
        }

        // The record as meta.yaml gave it stays in the resume; this read adds the experiment and the tags to a copy.
        var record = meta.WithoutTags();
        record.ExperimentName = experiment.Name;
        record.ExperimentId ??= experiment.Id ?? Path.GetFileName(scan.ExperimentFolder);
        var tags = ReadTags(scan.Tags, previous?.Tags, record.Tags, problems, cancellationToken);

        var storeRelative = PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath);
        var run = record.ToRun(unit.StorePath, storeRelative, scan.RunFolder, scan.HasMetricsFolder ? scan.MetricsFolder : null);
        var parameters = ReadParams(scan, previous, run.Params, problems, cancellationToken);

        var metrics = new Dictionary<string, MetricFileState>(scan.Metrics.Count, StringComparer.Ordinal);
        foreach (var file in scan.Metrics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = previous?.Metrics.GetValueOrDefault(file.Path);
            if (MetricFile.Read(file.Path, file.Size, before, problems, cancellationToken) is { } state)
            {
                run.Metrics[file.Key] = state.Points;
                metrics[file.Path] = state;
            }
        }

        result.Runs.Add(run);
        result.Resume = new MlflowResume
        {
            UnitPath = unit.Path,
            MetaStamp = metaStamp,
            Meta = meta,
            MetaProblems = metaProblems,
            Tags = tags,
            ParamFolders = [.. scan.ParamFolders],
            Params = parameters,
            Metrics = metrics,
        };
        return result;
    }

    /// <summary>Params are stamped by their folders (see <see cref="RunFolderScan"/>): while those keep their stamps,
    /// the params <paramref name="previous"/> read are the params.</summary>
    private static ValueFileRead[] ReadParams(
        RunFolderScan scan,
        MlflowResume? previous,
        Dictionary<string, string> into,
        List<Problem> problems,
        CancellationToken cancellationToken)
    {
        if (previous is not null && previous.ParamFolders.AsSpan().SequenceEqual(CollectionsMarshal.AsSpan(scan.ParamFolders)))
        {
            foreach (var param in previous.Params)
            {
                param.AddTo(into, problems);
            }

            return previous.Params;
        }

        var read = new ValueFileRead[scan.Params.Count];
        for (var i = 0; i < read.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            read[i] = ValueFileRead.Read(scan.Params[i], into, problems);
        }

        return read;
    }

    /// <summary>Tags are rewritten in place (a note edited, a status tag set), so each is stamped: those whose stamp
    /// is the one <paramref name="before"/> read are taken from there.</summary>
    private static Dictionary<string, ValueFileRead> ReadTags(
        List<RunFile> files,
        IReadOnlyDictionary<string, ValueFileRead>? before,
        Dictionary<string, string> into,
        List<Problem> problems,
        CancellationToken cancellationToken)
    {
        var read = new Dictionary<string, ValueFileRead>(files.Count, StringComparer.Ordinal);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (before is not null && before.TryGetValue(file.Path, out var known) && known.File == file)
            {
                known.AddTo(into, problems);
                read[file.Path] = known;
            }
            else
            {
                read[file.Path] = ValueFileRead.Read(file, into, problems);
            }
        }

        return read;
    }

}
