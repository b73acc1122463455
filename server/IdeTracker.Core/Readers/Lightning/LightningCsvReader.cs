using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Lightning;

/// <summary>Reads a PyTorch Lightning CSVLogger version folder (&lt;save_dir&gt;/&lt;name&gt;/version_N):
/// metrics.csv for the metrics, hparams.yaml for the params. Neither file records a status or a start time,
/// so the status is Unknown and the times are the files' write times. While a run logs, metrics.csv grows by rows
/// (and is rewritten whole when a new key appears): a read that resumes an earlier one reads only the new rows, and
/// hparams.yaml again only when its stamp changed.</summary>
public sealed class LightningCsvReader : IResumableRunReader
{
    public const string MetricsFileName = "metrics.csv";
    public const string HparamsFileName = "hparams.yaml";
    public const string Source = "lightning";

    public string Format => UnitFormats.LightningCsvVersion;

    /// <summary>The stamps of metrics.csv and hparams.yaml, those that exist: a file that appears later
    /// changes the list and so the unit is read again.</summary>
    public IReadOnlyList<FileStamp> Stamp(RunUnit unit)
    {
        var stamps = new List<FileStamp>(2);
        foreach (var file in FilesOf(unit))
        {
            if (file.Exists)
            {
                stamps.Add(new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks));
            }
        }

        return stamps;
    }

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken) => Read(unit, null, cancellationToken);

    public UnitReadResult Read(RunUnit unit, ReadResume? resume, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var previous = resume is LightningResume mine && mine.UnitPath == unit.Path ? mine : null;
        var result = new UnitReadResult();
        var files = FilesOf(unit);
        var (metrics, hparams) = (files[0], files[1]);
        foreach (var file in files)
        {
            if (file.Exists)
            {
                result.Files.Add(new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks));
            }
        }

        if (!metrics.Exists && !hparams.Exists)
        {
            // A folder that is gone has no run left to report; one that is still there deserves a word.
            if (Directory.Exists(unit.Path))
            {
                result.Problems.Add(new Problem(unit.Path, 0, $"neither {MetricsFileName} nor {HparamsFileName} is here", ProblemSeverity.Warning));
            }

            return result;
        }

        var run = NewRun(unit, metrics, hparams);
        HparamsRead? parameters = null;
        if (hparams.Exists)
        {
            var stamp = new FileStamp(hparams.FullName, hparams.Length, hparams.LastWriteTimeUtc.Ticks);
            parameters = previous?.Hparams is { } known && known.Stamp == stamp ? known : null;
            if (parameters is not null)
            {
                foreach (var (key, value) in parameters.Params)
                {
                    run.Params[key] = value;
                }

                result.Problems.AddRange(parameters.Problems);
            }
            else
            {
                var before = result.Problems.Count;
                YamlParamsFile.Read(stamp.Path, run.Params, result.Problems);
                parameters = new HparamsRead(stamp, [.. run.Params], [.. result.Problems.GetRange(before, result.Problems.Count - before)]);
            }
        }

        MetricsCsvState? metricsState = null;
        if (metrics.Exists)
        {
            metricsState = MetricsCsvFile.Read(metrics.FullName, previous?.Metrics, run.Metrics, result.Problems, cancellationToken);
        }

        result.Runs.Add(run);
        result.Resume = new LightningResume { UnitPath = unit.Path, Hparams = parameters, Metrics = metricsState };
        return result;
    }

    private static Run NewRun(RunUnit unit, FileInfo metrics, FileInfo hparams)
    {
        var versionName = Path.GetFileName(unit.Path);
        var experimentName = Path.GetFileName(Path.GetDirectoryName(unit.Path)) ?? "";

        // The experiment folder is part of the id: two loggers under one save_dir both have a version_0.
        var storeKey = PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath) + "/" + experimentName;
        return new Run
        {
            Id = RunIds.Make(Source, storeKey, versionName),
            Source = Source,
            NativeId = versionName,
            StorePath = unit.StorePath,
            Experiment = experimentName,
            Name = versionName,
            Status = RunStatus.Unknown,
            StartTime = hparams.Exists ? new DateTimeOffset(hparams.LastWriteTimeUtc) : null,
            EndTime = metrics.Exists ? new DateTimeOffset(metrics.LastWriteTimeUtc) : null,
            Directory = unit.Path,
            MetricsFile = metrics.Exists ? metrics.FullName : null,
        };
    }

    private static FileInfo[] FilesOf(RunUnit unit) =>
        [new(Path.Join(unit.Path, MetricsFileName)), new(Path.Join(unit.Path, HparamsFileName))];
}
