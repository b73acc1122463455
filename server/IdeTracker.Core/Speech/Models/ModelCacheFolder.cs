namespace IdeTracker.Core.Speech.Models;

/// <summary>The per-user folder downloaded models are kept in, outside every workspace so one download
/// serves them all.</summary>
public static class ModelCacheFolder
{
    /// <summary>The folder for the current user on this machine.</summary>
    public static string ForCurrentUser() =>
        Resolve(Environment.GetEnvironmentVariable, OperatingSystem.IsWindows(),
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The user's cache folder (<see cref="UserCacheFolder"/>), then <c>ide-tracker/models</c>. Takes its
    /// inputs so each platform's rule can be tested on any machine.</summary>
    public static string Resolve(Func<string, string?> environment, bool isWindows, string home) =>
        Path.Combine(UserCacheFolder.Resolve(environment, isWindows, home), "ide-tracker", "models");
}
