using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;
using IdeTracker.Core.Readers.TensorBoard;

namespace IdeTracker.Core.Readers.Guild;

/// <summary>Reads a Guild AI run folder (&lt;guild home&gt;/runs/&lt;32 hex id&gt;): its .guild/attrs (one YAML
/// value per file), .guild/opref and status markers, and the scalars of every event file below it (Guild
/// logs its output scalars to .guild/events.out.tfevents.*), read with the TensorBoard reader's code.
/// Metric keys are the ones Guild shows: the tag for files in the run folder or .guild, else
/// "&lt;folder&gt;#&lt;tag&gt;" with the folder relative to the run (a dependency copied in as target/.guild gives
/// "target/.guild#loss"). Resumable: event files are read on from where the last read stopped.</summary>
public sealed class GuildRunReader : IResumableRunReader
{
    public const string Source = "guild";

    public string Format => UnitFormats.GuildRun;

    public IReadOnlyList<FileStamp> Stamp(RunUnit unit) => GuildRunFiles.List(unit.Path, null)?.All.ToList() ?? [];

    public UnitReadResult Read(RunUnit unit, CancellationToken cancellationToken) => Read(unit, null, cancellationToken);

    public UnitReadResult Read(RunUnit unit, ReadResume? resume, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new UnitReadResult();
        if (GuildRunFiles.List(unit.Path, result.Problems) is not { } files)
        {
            return result;
        }

        result.Files.AddRange(files.All);
        if (EnclosingRun(unit) is { } enclosing)
        {
            // Guild copies an upstream run's .guild folder into a run that depends on it (target/.guild):
            // that copy is part of the enclosing run, whose scalars include it, not a run of its own.
            result.Problems.Add(new Problem(unit.Path, 0,
                $"a copy of another run's Guild files inside run {Path.GetFileName(enclosing)} (a resolved dependency); read as part of that run",
                ProblemSeverity.Information));
            return result;
        }

        if (files.Attrs.Count == 0)
        {
            result.Problems.Add(new Problem(Path.Join(unit.Path, GuildRunFiles.GuildFolder, GuildRunFiles.AttrsFolder), 0,
                "no attributes here, so this is not a Guild run (or not yet)", ProblemSeverity.Warning));
            return result;
        }

        var attrs = GuildAttrs.Read(Path.Join(unit.Path, GuildRunFiles.GuildFolder, GuildRunFiles.AttrsFolder), files.Attrs, result.Problems);
        var run = NewRun(unit, files, attrs, result.Problems);
        if (files.Attrs.Find(f => Path.GetFileName(f.Path) == "flags") is { Path: { } flags })
        {
            YamlParamsFile.Read(flags, run.Params, result.Problems);
        }

        foreach (var tag in attrs.List("tags"))
        {
            run.Tags[tag] = "";
        }

        if (attrs.IsTrue("marked"))
        {
            run.Tags["guild.marked"] = "true";
        }

        foreach (var name in (string[])["random_seed", "sourcecode_digest"])
        {
            if (attrs.Text(name) is { } value)
            {
                run.Tags["guild." + name] = value;
            }
        }

        GuildRunFacts.AddPackages(attrs.List("pip_freeze"), run.Packages);
        GuildRunFacts.AddPlatform(attrs.Mapping("platform"), run.Environment);

        var previous = resume is GuildResume r && r.UnitPath == unit.Path ? r.Take() : null;
        var events = new Dictionary<string, EventFolderState>(StringComparer.Ordinal);
        foreach (var (folder, stamps) in files.EventFolders)
        {
            var state = EventFolderReading.Read(stamps, previous?.GetValueOrDefault(folder), cancellationToken);
            events[folder] = state;
            EventRunOutput.AddTo(run, state.Run, folder is "" or GuildRunFiles.GuildFolder ? null : tag => folder + "#" + tag);
            foreach (var file in state.Files)
            {
                file.Problems.CopyTo(result.Problems);
            }
        }

        result.Runs.Add(run);
        result.Resume = new GuildResume(events) { UnitPath = unit.Path };
        return result;
    }

    private static Run NewRun(RunUnit unit, GuildRunFiles files, GuildAttrs attrs, List<Problem> problems)
    {
        // Guild's run id is the folder's name; the id attr is a copy that a staged or copied run may carry
        // from another run (as one of the corpus samples does).
        var id = Path.GetFileName(unit.Path);
        var operation = Operation(files, attrs, problems);
        var label = attrs.Text("label");
        var shortId = id.Length > 8 ? id[..8] : id;
        var (commit, dirty) = GuildRunFacts.CommitOf(attrs.Text("vcs_commit"));
        var started = attrs.Number("started") ?? attrs.Number("initialized");
        var firstEvents = files.EventFolders.Values.FirstOrDefault();
        return new Run
        {
            Id = RunIds.Make(Source, PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath), id),
            Source = Source,
            NativeId = id,
            StorePath = unit.StorePath,
            Experiment = operation,
            Name = label ?? (operation is null ? shortId : shortId + " " + operation),
            Label = label,
            Status = GuildStatus.Of(files.MarkersPresent, attrs.Number("exit_status")),
            StartTime = GuildRunFacts.TimeOf(started),
            EndTime = GuildRunFacts.TimeOf(attrs.Number("stopped")),
            User = attrs.Text("user"),
            Host = attrs.Text("host"),
            Command = GuildRunFacts.CommandOf(attrs.List("cmd")),
            GitCommit = commit,
            GitDirty = dirty,
            Note = GuildRunFacts.NoteOf(attrs.Sequence("comments")),
            Directory = unit.Path,
            MetricsFile = firstEvents?[^1].Path,
        };
    }

    /// <summary>The Guild run folder this unit lies inside, if any, looking up to the workspace root.</summary>
    private static string? EnclosingRun(RunUnit unit)
    {
        var root = Path.TrimEndingDirectorySeparator(unit.WorkspaceRoot);
        for (var dir = Path.GetDirectoryName(unit.Path); dir is not null && dir.Length >= root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.Exists(Path.Join(dir, GuildRunFiles.GuildFolder, GuildRunFiles.AttrsFolder)))
            {
                return dir;
            }
        }

        return null;
    }

    /// <summary>From .guild/opref; very old runs kept the operation name in the op attr instead (today op
    /// holds the operation's definition, a mapping).</summary>
    private static string? Operation(GuildRunFiles files, GuildAttrs attrs, List<Problem> problems)
    {
        if (files.OpRef is { } opref && TextFile.Read(opref.Path, opref.Size, problems) is { } text)
        {
            if (GuildOpRef.OperationOf(text) is { } operation)
            {
                return operation;
            }

            problems.Add(new Problem(opref.Path, 1, "not an operation reference (expected \"type:package version model operation\")", ProblemSeverity.Warning));
        }

        return attrs.Text("op");
    }
}
