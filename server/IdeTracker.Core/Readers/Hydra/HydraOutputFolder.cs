using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Hydra;

/// <summary>Finds the folder in a Hydra job where Hydra keeps what it wrote (.hydra, or the hidden name the user's
/// config gave it): the same rule discovery uses to call the folder a job.</summary>
internal static class HydraOutputFolder
{
    public const string Default = ".hydra";

    public static string? Find(string jobFolder)
    {
        if (Holds(Path.Join(jobFolder, Default)))
        {
            return Path.Join(jobFolder, Default);
        }

        try
        {
            foreach (var folder in Directory.EnumerateDirectories(jobFolder, ".*").Order(StringComparer.Ordinal))
            {
                if (Holds(folder))
                {
                    return folder;
                }
            }
        }
        catch (Exception e) when (FileProblems.IsFileSystemFailure(e))
        {
            // A job folder that went away has no output folder left; the reader says so.
        }

        return null;
    }

    private static bool Holds(string folder) =>
        File.Exists(Path.Join(folder, "hydra.yaml")) && File.Exists(Path.Join(folder, "config.yaml"));
}
