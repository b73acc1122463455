namespace IdeTracker.Core.Tests.Speech.Audio;

/// <summary>Finds a program on PATH, as `which` does.</summary>
public static class Installed
{
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
