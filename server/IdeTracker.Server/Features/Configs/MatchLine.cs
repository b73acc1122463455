using IdeTracker.Core.Configs;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Features.Configs;

/// <summary>Says what a config key was matched to when it is not the same key, so a surprising match is visible.</summary>
public static class MatchLine
{
    public static string? Markdown(KeyMatch match)
    {
        var key = match.Key is { } k ? MarkdownText.Escape(k) : null;
        return match.Kind switch
        {
            KeyMatchKind.Prefixed => $"Matched to the run param **{key}**.",
            KeyMatchKind.Suffix => $"Matched to the run param **{key}**, the only one ending the same way.",
            KeyMatchKind.HydraChoice => $"Matched to the Hydra choice runs record as **{key}**.",
            _ => null,
        };
    }
}
