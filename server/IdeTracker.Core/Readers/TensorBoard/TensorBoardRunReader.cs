using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Reads a TensorBoard run: a folder that directly holds events.out.tfevents.* files (several after
/// restarts, read in name order as one series; files in sub-folders are other runs), and the hparams.yaml
/// Lightning's TensorBoardLogger writes beside them. Scalars become metrics, other summaries media, the
/// hparams plugin's values params and its session status the run's status. Resumable: a live run's files are
/// read on from where the last read stopped.</summary>
public sealed class TensorBoardRunReader : IResumableRunReader
{
    public const string Source = "tensorboard";
    public const string HparamsFileName = "hparams.yaml";

    public string Format => UnitFormats.TensorBoardRun;

    /// <summary>The event files in name order, then hparams.yaml if present: a new file changes the list.</summary>
    public IReadOnlyList<FileStamp> Stamp(RunUnit unit)
    {
        var stamps = EventFolderListing.Stamps(unit.Path, null) ?? [];
        if (HparamsStamp(unit) is { } hparams)
        {
            stamps.Add(hparams);
        }

        return stamps;
    }

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken) => Read(unit, null, cancellationToken);

    public UnitReadResult Read(RunUnit unit, ReadResume? resume, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new UnitReadResult();
        var events = EventFolderListing.Stamps(unit.Path, result.Problems);
        if (events is null)
        {
            return result;
        }

        var hparams = HparamsStamp(unit);
        result.Files.AddRange(events);
        if (hparams is { } h)
        {
            result.Files.Add(h);
        }

        if (events.Count == 0 && hparams is null)
        {
            if (Directory.Exists(unit.Path))
            {
                result.Problems.Add(new Problem(unit.Path, 0, "no events.out.tfevents.* file is here", ProblemSeverity.Warning));
            }

            return result;
        }

        var previous = resume is TensorBoardResume r && r.UnitPath == unit.Path ? r.Take() : null;
        var state = EventFolderReading.Read(events, previous, cancellationToken);
        var run = NewRun(unit, state, events);
        if (hparams is { } yaml)
        {
            YamlParamsFile.Read(yaml.Path, run.Params, result.Problems);
        }

        AddPluginHparams(run.Params, state.Run.Hparams);
        EventRunOutput.AddTo(run, state.Run);
        foreach (var file in state.Files)
        {
            file.Problems.CopyTo(result.Problems);
        }

        result.Runs.Add(run);
        result.Resume = new TensorBoardResume(state) { UnitPath = unit.Path };
        return result;
    }

    /// <summary>Lightning logs the same hparams twice: hparams.yaml (nested, as the user gave them) and the plugin
    /// (flattened with "/", None as "None"). The YAML's are kept; the plugin adds only keys it does not have.</summary>
    private static void AddPluginHparams(Dictionary<string, string> into, Dictionary<string, string> fromPlugin)
    {
        foreach (var (key, value) in fromPlugin)
        {
            if (!into.ContainsKey(key) && !into.ContainsKey(key.Replace('/', '.')))
            {
                into[key] = value;
            }
        }
    }

    private static Run NewRun(RunUnit unit, EventFolderState state, List<FileStamp> events)
    {
        var name = Path.GetFileName(unit.Path);
        var experiment = Path.GetFileName(Path.GetDirectoryName(unit.Path)) ?? "";

        // The experiment folder is part of the id, as for Lightning: two loggers under one folder both have a version_0.
        var storeKey = PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath) + "/" + experiment;
        return new Run
        {
            Id = RunIds.Make(Source, storeKey, name),
            Source = Source,
            NativeId = name,
            StorePath = unit.StorePath,
            Experiment = experiment,
            Name = name,
            Status = state.Run.SessionStatus ?? RunStatus.Unknown,
            StartTime = EventRunState.ToTime(state.Run.FirstWallTime),
            EndTime = EventRunState.ToTime(state.Run.LastWallTime),
            Host = events.Count > 0 ? EventFileName.HostOf(Path.GetFileName(events[0].Path)) : null,
            Directory = unit.Path,
            MetricsFile = events.Count > 0 ? events[^1].Path : null,
        };
    }

    private static FileStamp? HparamsStamp(RunUnit unit)
    {
        var file = new FileInfo(Path.Join(unit.Path, HparamsFileName));
        return file.Exists ? new FileStamp(file.FullName, file.Length, file.LastWriteTimeUtc.Ticks) : null;
    }
}
