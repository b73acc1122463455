namespace IdeTracker.Core.Speech.Models;

/// <summary>Where a model was found, or every place that was looked at when it was not.</summary>
/// <param name="Path">The model file, or null when none was found.</param>
/// <param name="Searched">Each path looked at, in order.</param>
public sealed record ModelLocation(string? Path, IReadOnlyList<string> Searched)
{
    public bool Found => Path is not null;

    /// <summary>What a person reads when nothing was found.</summary>
    public string Message(WhisperModel model) =>
        Found
            ? $"Whisper model {model.Name} found at {Path}."
            : $"No Whisper model {model.Name} ({model.FileName}) found. Looked at: {string.Join("; ", Searched)}.";
}
