namespace IdeTracker.Core.Speech.Models;

/// <summary>One Whisper model file we know how to find, verify and fetch.</summary>
/// <param name="Name">The name a setting uses: "tiny.en".</param>
/// <param name="FileName">The file whisper.cpp publishes it as: "ggml-tiny.en.bin".</param>
/// <param name="SizeBytes">The exact size, or null when we only know it roughly (then size is not checked).</param>
/// <param name="Sha1">Lower-case hex SHA-1 of the whole file, or null when unknown (then the hash is not checked).</param>
public sealed record WhisperModel(string Name, string FileName, long? SizeBytes, string? Sha1)
{
    /// <summary>Where this model is downloaded from under a base URL (a mirror, or <see cref="WhisperModels.DefaultBaseUrl"/>).</summary>
    public Uri DownloadUrl(Uri baseUrl)
    {
        // Uri's relative resolution drops the last path segment unless the base ends with '/'.
        var folder = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(folder, Uri.EscapeDataString(FileName));
    }
}
