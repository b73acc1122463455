using IdeTracker.Core.Configs;

namespace IdeTracker.Server.Features.Configs;

/// <summary>Which config values name data in the workspace: a value that reads as a path (it has a folder separator
/// or a file extension) and resolves, against the document's folder and then the workspace root, to a file or folder
/// inside the workspace. Left out, because they change with every run and would make noise: keys that name outputs
/// (output, save, log, checkpoint, cache…), the document itself, the workspace root and the folders holding the document.</summary>
public sealed class DataPaths
{
    private static readonly HashSet<string> OutputWords = new(StringComparer.Ordinal)
    {
        "out", "outdir", "output", "outputs", "save", "saved", "savedir", "log", "logs", "logdir", "logging", "ckpt",
        "ckpts", "checkpoint", "checkpoints", "cache", "tmp", "temp", "result", "results", "artifact", "artifacts",
        "export", "exports", "dest", "destination", "run", "runs", "mlruns", "wandb", "tensorboard", "tb", "hydra",
    };

    private readonly string _root;
    private readonly Func<string, DateTimeOffset?> _lastWrite;

    public DataPaths(string workspaceRoot, Func<string, DateTimeOffset?> lastWrite)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspaceRoot));
        _lastWrite = lastWrite;
    }

    /// <summary>The file or folder the entry's value names and when it last changed; null when it names none.</summary>
    public (string Path, DateTimeOffset Changed)? Resolve(ConfigEntry entry, string documentPath)
    {
        if (entry.Kind != ConfigEntryKind.Scalar || entry.Value is not { } value || !LooksLikePath(value) || NamesOutput(entry))
        {
            return null;
        }

        var document = Path.GetFullPath(documentPath);
        var folder = Path.GetDirectoryName(document) ?? _root;
        foreach (var baseFolder in new[] { folder, _root })
        {
            string full;
            try
            {
                full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(baseFolder, value.Trim())));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return null;
            }

            if (!IsInsideWorkspace(full) || full == document || document.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            if (_lastWrite(full) is { } changed)
            {
                return (full, changed);
            }
        }

        return null;
    }

    public static bool LooksLikePath(string value)
    {
        var text = value.Trim();
        if (text.Length is 0 or > 1024 || text.Contains('\n') || text.Contains("://", StringComparison.Ordinal)
            || double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        if (text.Contains('/') || text.Contains('\\'))
        {
            return text.Trim('.', '/', '\\').Length > 0;
        }

        var dot = text.LastIndexOf('.');
        return dot > 0 && dot < text.Length - 1 && text[(dot + 1)..].All(char.IsLetterOrDigit);
    }

    /// <summary>True for keys whose words say they name something runs write (output_dir, save_path, logDir…).</summary>
    public static bool NamesOutput(ConfigEntry entry) =>
        entry.Path.SelectMany(Words).Any(OutputWords.Contains);

    private bool IsInsideWorkspace(string full) =>
        full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static IEnumerable<string> Words(string segment)
    {
        var start = 0;
        for (var i = 1; i <= segment.Length; i++)
        {
            var boundary = i == segment.Length
                || !char.IsLetterOrDigit(segment[i])
                || (char.IsLower(segment[i - 1]) && char.IsUpper(segment[i]));
            if (boundary)
            {
                var word = segment[start..i].Trim('_', '-', '.', ' ');
                if (word.Length > 0)
                {
                    yield return word.ToLowerInvariant();
                }

                start = i;
            }
        }
    }
}
