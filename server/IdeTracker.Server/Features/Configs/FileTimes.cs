namespace IdeTracker.Server.Features.Configs;

/// <summary>The real file system's answer to "when did this file or folder last change": null when it does not exist.</summary>
public static class FileTimes
{
    public static DateTimeOffset? LastWrite(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                return new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            }

            return Directory.Exists(path) ? new DateTimeOffset(Directory.GetLastWriteTimeUtc(path), TimeSpan.Zero) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
