using IdeTracker.Core.Speech.Transcription;
using IdeTracker.Server.Features.Indexing;

namespace IdeTracker.Server.Features.Notes;

/// <summary>Whisper's initial prompt for a workspace: its param and metric names, those most runs record first.</summary>
public static class InitialPrompts
{
    public static string? For(WorkspaceSession session)
    {
        var parameters = session.Store.GetParamKeyCounts().OrderByDescending(k => k.Runs).Select(k => k.Key);
        var metrics = session.Store.GetMetricKeyCounts().OrderByDescending(k => k.RunCount).Select(k => k.Key);
        return InitialPrompt.Build(parameters, metrics) is { Length: > 0 } prompt ? prompt : null;
    }
}
