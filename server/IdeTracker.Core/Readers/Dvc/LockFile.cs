using System.Globalization;
using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>What dvc.lock pinned at the last `dvc repro` / `dvc exp run`: every stage's dependencies and
/// outputs with their content digests (DVC's data versioning) and the params values the stages ran with.
/// Reads schema 2.0 ("schema: '2.0'" + "stages:") and the older layout with the stages at the top.</summary>
internal sealed class LockFile
{
    public const string FileName = "dvc.lock";

    // DVC writes md5 for local files; cloud dependencies get etag / checksum / version_id instead.
    private static readonly string[] DigestKeys = ["md5", "etag", "checksum", "version_id"];

    /// <summary>Dependencies of all stages, each path once, in file order.</summary>
    public List<LockedOutput> Dependencies { get; } = [];

    /// <summary>Outputs of all stages, each path once, in file order.</summary>
    public List<LockedOutput> Outputs { get; } = [];

    /// <summary>Params file (relative to the project) → flattened params as the stages ran with them.</summary>
    public Dictionary<string, Dictionary<string, string>> Params { get; } = new(StringComparer.Ordinal);

    public static LockFile Parse(string path, string text, List<Problem> problems)
    {
        var lockFile = new LockFile();
        var root = YamlTree.Parse(path, text, problems);
        if (root is not { IsMapping: true })
        {
            if (root is not null && !root.IsNull)
            {
                problems.Add(new Problem(path, root.Line, "is not a mapping of stages; nothing read from it", ProblemSeverity.Warning));
            }

            return lockFile;
        }

        var stages = root["stages"] is { IsMapping: true } listed ? listed : root;
        var dependencyPaths = new HashSet<string>(StringComparer.Ordinal);
        var outputPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, stage) in stages.Entries)
        {
            if (name == "schema" || !stage.IsMapping)
            {
                continue;
            }

            var wdir = stage.TextOf("wdir");
            AddAll(lockFile.Dependencies, dependencyPaths, stage["deps"], wdir);
            AddAll(lockFile.Outputs, outputPaths, stage["outs"], wdir);
            lockFile.AddParams(path, stage["params"], wdir, problems);
        }

        return lockFile;
    }

    private static void AddAll(List<LockedOutput> into, HashSet<string> seen, DataNode? list, string? wdir)
    {
        if (list is not { IsSequence: true })
        {
            return;
        }

        foreach (var item in list.Items)
        {
            if (item.TextOf("path") is not { } written)
            {
                continue;
            }

            var path = IsUrl(written) ? written.Trim() : ProjectPath.Join(wdir, written);
            if (path is null || !seen.Add(path))
            {
                continue;
            }

            into.Add(new LockedOutput(path, DigestOf(item), NumberOf(item, "size"), NumberOf(item, "nfiles")));
        }
    }

    private void AddParams(string path, DataNode? files, string? wdir, List<Problem> problems)
    {
        if (files is not { IsMapping: true })
        {
            return;
        }

        foreach (var (file, values) in files.Entries)
        {
            if (ProjectPath.Join(wdir, file) is not { } relative)
            {
                continue;
            }

            if (!Params.TryGetValue(relative, out var into))
            {
                Params[relative] = into = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            if (NodeFlattener.Walk(values, ".", (key, leaf) => into.TryAdd(key, NodeFlattener.TextOf(leaf))) is { } message)
            {
                problems.Add(new Problem(path, values.Line, message, ProblemSeverity.Warning));
            }
        }
    }

    private static string? DigestOf(DataNode item)
    {
        foreach (var key in DigestKeys)
        {
            if (item.TextOf(key) is { Length: > 0 } value)
            {
                return key + ":" + value.Trim();
            }
        }

        return null;
    }

    private static long? NumberOf(DataNode item, string key) =>
        long.TryParse(item.TextOf(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : null;

    private static bool IsUrl(string path) => path.Contains("://", StringComparison.Ordinal);
}
