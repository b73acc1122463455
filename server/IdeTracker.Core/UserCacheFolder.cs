namespace IdeTracker.Core;

/// <summary>The per-user cache folder everything ide-tracker keeps outside workspaces lives under (indexes of the
/// command line, downloaded models, the whisper.cpp build): <c>%LOCALAPPDATA%</c> on Windows, else
/// <c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>. An empty or relative value is ignored, as the XDG rules say.</summary>
public static class UserCacheFolder
{
    /// <summary>The folder for the current user on this machine.</summary>
    public static string ForCurrentUser() =>
        Resolve(Environment.GetEnvironmentVariable, OperatingSystem.IsWindows(), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>Takes its inputs so each platform's rule can be tested on any machine.</summary>
    public static string Resolve(Func<string, string?> environment, bool isWindows, string home) =>
        isWindows
            ? Rooted(environment("LOCALAPPDATA")) ?? Path.Combine(home, "AppData", "Local")
            : Rooted(environment("XDG_CACHE_HOME")) ?? Path.Combine(home, ".cache");

    private static string? Rooted(string? value) =>
        string.IsNullOrWhiteSpace(value) || !Path.IsPathRooted(value) ? null : value;
}
