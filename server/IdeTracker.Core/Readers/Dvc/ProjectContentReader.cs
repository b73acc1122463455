using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Reads one version of a DVC project into a <see cref="ProjectContent"/>, the same way for the
/// workspace and for a commit. Params come from params.yaml (whole: it is DVC's default file and the one config
/// hovers look in), the other params files dvc.yaml names (only the keys it tracks, when it lists keys),
/// dvc.lock's resolved values for files that are not there, and DVCLive's params.yaml. Metrics come from DVCLive's .tsv histories, then DVCLive's metrics.json and the metrics files
/// dvc.yaml names, a value with no history becoming a single point. A key two files give different values
/// is kept from the first, and from the second as "&lt;file&gt;:&lt;key&gt;".</summary>
internal static class ProjectContentReader
{
    public const long MaxPipelineBytes = 1L * 1024 * 1024;
    public const long MaxLockBytes = 8L * 1024 * 1024;
    public const long MaxValuesBytes = 4L * 1024 * 1024;
    public const int MaxLockEntries = 10_000;
    private const string StepKey = "step";

    /// <summary>dvc.yaml of that version, or null when there is none; its problems go to <paramref name="problems"/>.</summary>
    public static PipelineFile? ReadPipeline(IProjectFiles files, List<Problem> problems) =>
        files.ReadText(PipelineFile.FileName, MaxPipelineBytes, problems) is { } text
            ? PipelineFile.Parse(files.FullPath(PipelineFile.FileName), text, problems)
            : null;

    public static ProjectContent Read(IProjectFiles files, ProjectLayout layout, string workspaceRoot, List<Problem> problems, CancellationToken ct)
    {
        var content = new ProjectContent(layout);
        var lockFile = files.ReadText(LockFile.FileName, MaxLockBytes, problems) is { } lockText
            ? LockFile.Parse(files.FullPath(LockFile.FileName), lockText, problems)
            : null;

        ReadParams(files, layout, lockFile, content.Params, problems);
        ct.ThrowIfCancellationRequested();
        if (lockFile is not null)
        {
            AddLocked(files, lockFile, workspaceRoot, content, problems);
        }

        ReadTsvFiles(files, layout, content, problems, ct);
        ReadMetricsFiles(files, layout, content, problems);
        ListMedia(files, layout, content);
        return content;
    }

    private static void ReadParams(IProjectFiles files, ProjectLayout layout, LockFile? lockFile, Dictionary<string, string> into, List<Problem> problems)
    {
        foreach (var file in layout.ParamsFiles)
        {
            var keys = file == PipelineFile.DefaultParamsFile
                ? null
                : layout.Pipeline.Params.FirstOrDefault(p => p.File == file)?.Keys;
            if (files.IsFile(file))
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                ValuesFile.ReadParams(files, file, values, problems);
                Merge(into, values, file, keys);
            }
            else if (lockFile?.Params.TryGetValue(file, out var locked) == true)
            {
                // The file is gone (or not committed): the values the stages last ran with still describe the run.
                Merge(into, locked, file, keys);
            }
        }

        foreach (var folder in layout.DvcliveFolders)
        {
            var file = ProjectPath.Child(folder, ProjectLayout.DvcliveParams);
            if (files.IsFile(file))
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                ValuesFile.ReadParams(files, file, values, problems);
                Merge(into, values, file, keys: null);
            }
        }
    }

    /// <summary>Adds a file's params, only the tracked keys (and what is below them) when keys are given.</summary>
    private static void Merge(Dictionary<string, string> into, Dictionary<string, string> values, string file, IReadOnlyList<string>? keys)
    {
        foreach (var (key, value) in values)
        {
            if (keys is { Count: > 0 } && !keys.Any(k => key == k || key.StartsWith(k + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            if (!into.TryGetValue(key, out var existing))
            {
                into[key] = value;
            }
            else if (existing != value)
            {
                into.TryAdd(file + ":" + key, value);
            }
        }
    }

    private static void AddLocked(IProjectFiles files, LockFile lockFile, string workspaceRoot, ProjectContent content, List<Problem> problems)
    {
        foreach (var dependency in lockFile.Dependencies.Take(MaxLockEntries))
        {
            content.DataInputs.Add(new DataInput(WorkspacePath(files, dependency.Path, workspaceRoot), dependency.Digest, dependency.Size, dependency.Files));
        }

        foreach (var output in lockFile.Outputs.Take(MaxLockEntries))
        {
            if (output.Digest is { } digest)
            {
                content.Tags.TryAdd("dvc.out." + output.Path, digest);
            }
        }

        if (lockFile.Dependencies.Count > MaxLockEntries || lockFile.Outputs.Count > MaxLockEntries)
        {
            problems.Add(new Problem(files.FullPath(LockFile.FileName), 0, $"lists more than {MaxLockEntries:N0} dependencies or outputs; the rest are not kept", ProblemSeverity.Warning));
        }
    }

    /// <summary>A dependency's path as the index stores paths: relative to the workspace; a URL as written.</summary>
    private static string WorkspacePath(IProjectFiles files, string path, string workspaceRoot) =>
        path.Contains("://", StringComparison.Ordinal) ? path : PathText.RelativeOrSelf(workspaceRoot, files.FullPath(path));

    private static void ReadTsvFiles(IProjectFiles files, ProjectLayout layout, ProjectContent content, List<Problem> problems, CancellationToken ct)
    {
        if (layout.TruncatedTsvFolder is { } folder)
        {
            problems.Add(new Problem(files.FullPath(folder), 0, $"holds more than {ProjectLayout.MaxTsvFiles:N0} files; the metrics of the rest are not read", ProblemSeverity.Warning));
        }

        foreach (var (dvclive, file) in layout.TsvFiles)
        {
            ct.ThrowIfCancellationRequested();
            var name = ProjectLayout.MetricNameOf(dvclive, file);
            // A file with only its header (or none) has no history: metrics.json may still give the value.
            if (content.Metrics.ContainsKey(name) || files.ReadTsv(file, problems, ct) is not { Count: > 0 } points)
            {
                continue;
            }

            content.Metrics[name] = points;
            foreach (var point in points)
            {
                if (point.TimestampMs > 0)
                {
                    content.FirstTimestampMs = Math.Min(content.FirstTimestampMs ?? long.MaxValue, point.TimestampMs);
                    content.LastTimestampMs = Math.Max(content.LastTimestampMs ?? long.MinValue, point.TimestampMs);
                }
            }
        }
    }

    private static void ReadMetricsFiles(IProjectFiles files, ProjectLayout layout, ProjectContent content, List<Problem> problems)
    {
        var dvcliveMetrics = layout.DvcliveFolders.Select(f => ProjectPath.Child(f, ProjectLayout.DvcliveMetrics)).ToList();
        var fromFile = new Dictionary<string, (string File, double Value)>(StringComparer.Ordinal);
        foreach (var file in dvcliveMetrics.Concat(layout.Pipeline.MetricsFiles).Distinct(StringComparer.Ordinal))
        {
            if (!files.IsFile(file) || ValuesFile.ReadTree(files, file, problems) is not { } root)
            {
                continue;
            }

            content.MetricsFile ??= file;
            var isDvclive = dvcliveMetrics.Contains(file, StringComparer.Ordinal);
            long step = 0;
            if (isDvclive && root.IsMapping && root[StepKey] is { } stepNode && !CsvFields.TryParseStep(stepNode.Text, out step))
            {
                step = 0;
            }

            var message = NodeFlattener.Walk(root, "/", (key, leaf) =>
            {
                if ((isDvclive && key == StepKey) || !MetricValue.TryParse(leaf, out var value))
                {
                    return;
                }

                if (fromFile.TryGetValue(key, out var earlier))
                {
                    // The same value from another file (dvclive/metrics.json named in dvc.yaml too) is no news.
                    if (earlier.File != file && !SameValue(earlier.Value, value))
                    {
                        content.Metrics.TryAdd(file + ":" + key, [new MetricPoint(step, 0, value)]);
                    }

                    return;
                }

                fromFile[key] = (file, value);
                // A metric with a .tsv history already has this value as its last point.
                content.Metrics.TryAdd(key, [new MetricPoint(step, 0, value)]);
            });
            if (message is not null)
            {
                problems.Add(new Problem(files.FullPath(file), 0, message, ProblemSeverity.Warning));
            }
        }
    }

    private static bool SameValue(double a, double b) => a.Equals(b);

    private static void ListMedia(IProjectFiles files, ProjectLayout layout, ProjectContent content)
    {
        foreach (var folder in layout.DvcliveFolders)
        {
            foreach (var (sub, kind) in new[] { ("plots/images", "image"), ("plots/sklearn", "table"), ("plots/custom", "table") })
            {
                var root = ProjectPath.Child(folder, sub);
                foreach (var file in files.FilesUnder(root, ProjectLayout.MaxMediaFiles, out _))
                {
                    content.Media.Add(new RunMedia(file[(root.Length + 1)..], kind, 1, 0));
                }
            }
        }
    }
}
