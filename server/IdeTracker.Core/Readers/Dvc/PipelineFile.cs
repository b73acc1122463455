using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>What a dvc.yaml says that a run's record needs: the params files its stages track, the metrics
/// files they write, and the command of the stage that writes the metrics. Paths are made relative to the
/// project (a stage's wdir applied). Templated entries ("${item}.yaml") cannot be resolved without DVC's
/// variables and are skipped.</summary>
internal sealed class PipelineFile
{
    public const string FileName = "dvc.yaml";
    public const string DefaultParamsFile = "params.yaml";

    private static readonly string[] ParamsExtensions = [".yaml", ".yml", ".json", ".toml", ".py"];

    public List<ParamsReference> Params { get; } = [];

    public List<string> MetricsFiles { get; } = [];

    /// <summary>The command of the first stage that writes metrics, else of the only stage; null otherwise.</summary>
    public string? Command { get; private set; }

    public static PipelineFile From(DataNode? root)
    {
        var pipeline = new PipelineFile();
        if (root is not { IsMapping: true })
        {
            return pipeline;
        }

        pipeline.AddParams(root["params"], wdir: null);
        pipeline.AddMetrics(root["metrics"], wdir: null);
        string? onlyCommand = null;
        var stageCount = 0;
        if (root["stages"] is { IsMapping: true } stages)
        {
            foreach (var (_, value) in stages.Entries)
            {
                // A foreach / matrix stage keeps its definition under "do".
                var stage = value["do"] is { IsMapping: true } body ? body : value;
                if (!stage.IsMapping)
                {
                    continue;
                }

                stageCount++;
                var wdir = stage.TextOf("wdir");
                var command = CommandOf(stage["cmd"]);
                onlyCommand = command;
                pipeline.AddParams(stage["params"], wdir);
                if (pipeline.AddMetrics(stage["metrics"], wdir) > 0)
                {
                    pipeline.Command ??= command;
                }
            }
        }

        pipeline.Command ??= stageCount == 1 ? onlyCommand : null;
        pipeline.Merge();
        return pipeline;
    }

    /// <summary>Reads dvc.yaml from a text; problems point at <paramref name="path"/>.</summary>
    public static PipelineFile Parse(string path, string text, List<Problem> problems) =>
        From(YamlTree.Parse(path, text, problems));

    private static string? CommandOf(DataNode? cmd) => cmd switch
    {
        { IsScalar: true, IsNull: false } => cmd.Text.Trim(),
        { IsSequence: true } => string.Join(" && ", cmd.Items.Where(i => i.IsScalar).Select(i => i.Text.Trim())),
        _ => null,
    };

    private void AddParams(DataNode? list, string? wdir)
    {
        if (list is not { IsSequence: true })
        {
            return;
        }

        foreach (var item in list.Items)
        {
            if (item is { IsScalar: true, IsNull: false })
            {
                AddParamsEntry(item.Text, wdir);
            }
            else if (item.IsMapping)
            {
                foreach (var (file, keys) in item.Entries)
                {
                    AddParamsFile(file, KeysOf(keys), wdir);
                }
            }
        }
    }

    /// <summary>A bare entry is a key of the default params file, unless it is "file.yaml:key1,key2".</summary>
    private void AddParamsEntry(string entry, string? wdir)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && ParamsExtensions.Any(e => entry[..colon].EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            var keys = entry[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            AddParamsFile(entry[..colon], keys.Length == 0 ? null : keys, wdir);
        }
        else if (ParamsExtensions.Any(e => entry.EndsWith(e, StringComparison.OrdinalIgnoreCase)) && !entry.Contains(' ', StringComparison.Ordinal))
        {
            // Top-level "params:" lists whole files.
            AddParamsFile(entry, null, wdir);
        }
        else
        {
            AddParamsFile(DefaultParamsFile, [entry.Trim()], wdir);
        }
    }

    private static List<string>? KeysOf(DataNode keys) => keys switch
    {
        { IsNull: true } => null,
        { IsScalar: true } => [keys.Text.Trim()],
        { IsSequence: true } => keys.Items.Where(k => k is { IsScalar: true, IsNull: false }).Select(k => k.Text.Trim()).ToList(),
        _ => null,
    };

    private void AddParamsFile(string file, IReadOnlyList<string>? keys, string? wdir)
    {
        if (file.Contains("${", StringComparison.Ordinal) || ProjectPath.Join(wdir, file) is not { } path)
        {
            return;
        }

        Params.Add(new ParamsReference(path, keys?.Where(k => !k.Contains("${", StringComparison.Ordinal)).ToList()));
    }

    private int AddMetrics(DataNode? list, string? wdir)
    {
        if (list is not { IsSequence: true })
        {
            return 0;
        }

        var added = 0;
        foreach (var item in list.Items)
        {
            IEnumerable<string> files = item switch
            {
                { IsScalar: true, IsNull: false } => [item.Text],
                { IsMapping: true } => item.Entries.Select(e => e.Key),
                _ => [],
            };
            foreach (var file in files)
            {
                if (!file.Contains("${", StringComparison.Ordinal) && ProjectPath.Join(wdir, file) is { } path)
                {
                    added++;
                    if (!MetricsFiles.Contains(path, StringComparer.Ordinal))
                    {
                        MetricsFiles.Add(path);
                    }
                }
            }
        }

        return added;
    }

    /// <summary>One reference per file: the whole file if any stage tracks it whole, else the union of keys.</summary>
    private void Merge()
    {
        var merged = new List<ParamsReference>();
        foreach (var group in Params.GroupBy(p => p.File, StringComparer.Ordinal))
        {
            var keys = group.Any(p => p.Keys is null || p.Keys.Count == 0)
                ? null
                : group.SelectMany(p => p.Keys!).Distinct(StringComparer.Ordinal).ToList();
            merged.Add(new ParamsReference(group.Key, keys));
        }

        Params.Clear();
        Params.AddRange(merged);
    }
}
