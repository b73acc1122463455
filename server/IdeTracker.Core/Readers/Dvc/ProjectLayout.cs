namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Which files of one version of a project make up its run: dvc.yaml and dvc.lock, the params files
/// (params.yaml and those dvc.yaml names), the metrics files dvc.yaml names, and the DVCLive folders with their
/// metrics.json, params.yaml and plots/metrics/**.tsv. Worked out from dvc.yaml and folder listings only, so
/// stamping and reading agree on the same set.</summary>
internal sealed class ProjectLayout
{
    public const string DvcliveFolder = "dvclive";
    public const string DvcliveMetrics = "metrics.json";
    public const string DvcliveParams = "params.yaml";
    public const string TsvFolder = "plots/metrics";
    public const int MaxTsvFiles = 1_000;
    public const int MaxMediaFiles = 1_000;

    private ProjectLayout(PipelineFile pipeline) => Pipeline = pipeline;

    public PipelineFile Pipeline { get; }

    /// <summary>dvc.yaml is there (it may still be damaged).</summary>
    public bool HasPipeline { get; private init; }

    /// <summary>Params files in reading order: params.yaml first, then those dvc.yaml names.</summary>
    public List<string> ParamsFiles { get; } = [];

    /// <summary>Folders DVCLive wrote into: dvclive/, and the folder of any metrics.json dvc.yaml names that has
    /// plots/metrics beside it (a Live(dir=…) elsewhere).</summary>
    public List<string> DvcliveFolders { get; } = [];

    /// <summary>DVCLive .tsv files: (folder, file), the metric's name being the file's path below folder/plots/metrics.</summary>
    public List<(string Folder, string File)> TsvFiles { get; } = [];

    /// <summary>A DVCLive folder had more .tsv files than <see cref="MaxTsvFiles"/>.</summary>
    public string? TruncatedTsvFolder { get; private set; }

    /// <summary>A DVC project: it holds dvc.yaml or a DVCLive folder.</summary>
    public bool IsProject => HasPipeline || DvcliveFolders.Count > 0;

    public static ProjectLayout Of(IProjectFiles files, PipelineFile? pipeline)
    {
        var layout = new ProjectLayout(pipeline ?? PipelineFile.From(null)) { HasPipeline = files.IsFile(PipelineFile.FileName) };
        layout.ParamsFiles.Add(PipelineFile.DefaultParamsFile);
        foreach (var reference in layout.Pipeline.Params)
        {
            if (!layout.ParamsFiles.Contains(reference.File, StringComparer.Ordinal))
            {
                layout.ParamsFiles.Add(reference.File);
            }
        }

        if (files.IsDirectory(DvcliveFolder))
        {
            layout.DvcliveFolders.Add(DvcliveFolder);
        }

        foreach (var metrics in layout.Pipeline.MetricsFiles)
        {
            var folder = ProjectPath.FolderOf(metrics);
            if ((metrics == DvcliveMetrics || metrics.EndsWith("/" + DvcliveMetrics, StringComparison.Ordinal))
                && !layout.DvcliveFolders.Contains(folder, StringComparer.Ordinal)
                && files.IsDirectory(ProjectPath.Child(folder, TsvFolder)))
            {
                layout.DvcliveFolders.Add(folder);
            }
        }

        foreach (var folder in layout.DvcliveFolders)
        {
            var tsvFolder = ProjectPath.Child(folder, TsvFolder);
            var listed = files.FilesUnder(tsvFolder, MaxTsvFiles, out var truncated);
            foreach (var file in listed)
            {
                if (file.EndsWith(".tsv", StringComparison.Ordinal))
                {
                    layout.TsvFiles.Add((folder, file));
                }
            }

            if (truncated)
            {
                layout.TruncatedTsvFolder ??= tsvFolder;
            }
        }

        return layout;
    }

    /// <summary>Every file the run depends on, whether or not it is there (callers keep those that are).</summary>
    public IEnumerable<string> Files()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<string> all =
        [
            PipelineFile.FileName,
            LockFile.FileName,
            .. ParamsFiles,
            .. Pipeline.MetricsFiles,
            .. DvcliveFolders.SelectMany(f => new[] { ProjectPath.Child(f, DvcliveMetrics), ProjectPath.Child(f, DvcliveParams) }),
            .. TsvFiles.Select(t => t.File),
        ];
        return all.Where(seen.Add);
    }

    /// <summary>The metric a .tsv holds: its path below plots/metrics without ".tsv" ("train/acc").</summary>
    public static string MetricNameOf(string folder, string file)
    {
        var prefix = ProjectPath.Child(folder, TsvFolder) + "/";
        var name = file.StartsWith(prefix, StringComparison.Ordinal) ? file[prefix.Length..] : file;
        return name.EndsWith(".tsv", StringComparison.Ordinal) ? name[..^4] : name;
    }
}
