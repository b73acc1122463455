namespace IdeTracker.Core.Speech.Models;

/// <summary>The per-user folder downloaded models are kept in, outside every workspace so one download
/// serves them all.</summary>
public static class ModelCacheFolder
{
    /// <summary>The folder for the current user on this machine.</summary>
    public static string ForCurrentUser() =>
        Resolve(Environment.GetEnvironmentVariable, OperatingSystem.IsWindows(),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary><c>%LOCALAPPDATA%</c> on Windows, else <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>; then
    /// <c>ide-tracker/models</c>. Takes its inputs so each platform's rule can be tested on any machine.</summary>
    public static string Resolve(Func<string, string?> environment, bool isWindows, string home)
    {
        var root = isWindows
            ? NonEmpty(environment("LOCALAPPDATA")) ?? Path.Combine(home, "AppData", "Local")
            : NonEmpty(environment("XDG_CACHE_HOME")) ?? Path.Combine(home, ".cache");
        return Path.Combine(root, "ide-tracker", "models");
    }

    // The XDG rules say an empty or relative value is to be ignored.
    private static string? NonEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value) || !Path.IsPathRooted(value) ? null : value;
}
