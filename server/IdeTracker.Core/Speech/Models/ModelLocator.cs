namespace IdeTracker.Core.Speech.Models;

/// <summary>Finds a model file: at the path a setting names (a file, or a folder holding the model's file
/// name), else in the user's cache folder. Only looks; never downloads.</summary>
public sealed class ModelLocator(string? configuredPath, string cacheFolder)
{
    /// <summary>A locator for the current user's cache folder.</summary>
    public static ModelLocator ForCurrentUser(string? configuredPath) => new(configuredPath, ModelCacheFolder.ForCurrentUser());

    public string CacheFolder { get; } = cacheFolder;

    /// <summary>Where a downloaded model goes: the cache folder, under its published file name.</summary>
    public string CachePath(WhisperModel model) => Path.Combine(CacheFolder, model.FileName);

    public ModelLocation Locate(WhisperModel model)
    {
        var searched = new List<string>();
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var configured = Path.GetFullPath(ExpandHome(configuredPath.Trim()));
            if (Directory.Exists(configured))
            {
                var inFolder = Path.Combine(configured, model.FileName);
                if (File.Exists(inFolder))
                {
                    return new ModelLocation(inFolder, [.. searched, inFolder]);
                }

                searched.Add(inFolder);
            }
            else
            {
                searched.Add(configured);
                if (File.Exists(configured))
                {
                    return new ModelLocation(configured, searched);
                }
            }
        }

        var cached = CachePath(model);
        searched.Add(cached);
        return File.Exists(cached) ? new ModelLocation(cached, searched) : new ModelLocation(null, searched);
    }

    // Settings are often written "~/models"; the shell is not there to expand it.
    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : "")
            : path;
}
