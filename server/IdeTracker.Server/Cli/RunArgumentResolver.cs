using IdeTracker.Core.Index;

namespace IdeTracker.Server.Cli;

/// <summary>Finds the run a command line names. An existing folder names the run whose folder it is, else the run
/// whose folder holds it (the deepest), else the one run inside it. Anything else is a run id, else a prefix of
/// ids, else an exact run name. Reads only names (<see cref="IndexStore.ForEachRunName"/>).</summary>
public static class RunArgumentResolver
{
    /// <summary>Every run the argument could mean: one is an answer, none or several are the caller's error to report.</summary>
    public static IReadOnlyList<RunNameRow> Resolve(IndexStore store, string argument)
    {
        var runs = new List<RunNameRow>();
        store.ForEachRunName(runs.Add);
        if (Directory.Exists(argument))
        {
            var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(argument));
            var own = runs.Where(r => SamePath(r.Directory, folder)).ToList();
            if (own.Count > 0)
            {
                return own;
            }

            var holding = runs.Where(r => IsInside(folder, r.Directory)).OrderByDescending(r => r.Directory.Length).ToList();
            if (holding.Count > 0)
            {
                return holding.Where(r => r.Directory.Length == holding[0].Directory.Length).ToList();
            }

            return runs.Where(r => IsInside(r.Directory, folder)).ToList();
        }

        var exact = runs.Where(r => r.Id == argument).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var prefixed = runs.Where(r => r.Id.StartsWith(argument, StringComparison.Ordinal)).ToList();
        return prefixed.Count > 0 ? prefixed : runs.Where(r => r.Name == argument).ToList();
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), b, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="path"/> lies strictly inside <paramref name="folder"/>.</summary>
    private static bool IsInside(string path, string folder)
    {
        var prefix = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
