using System.Text.Json;

namespace IdeTracker.Server.Features.Configs;

/// <summary>Markdown links that run the extension's commands from a hover. A command link's query is the
/// URI-encoded JSON array of the command's arguments; <c>compareRunIds</c> takes one argument, an array of ids,
/// so its array holds an array. Link destinations are fully percent-encoded, so no id can end the link early.</summary>
public static class CommandLinks
{
    public const string RevealRun = "ideTracker.revealRun";
    public const string CompareRunIds = "ideTracker.compareRunIds";

    public static string Reveal(string runId) => $"[Reveal in tree]({Uri(RevealRun, new[] { runId })})";

    public static string Compare(IReadOnlyList<string> runIds) =>
        $"[Compare these runs]({Uri(CompareRunIds, new[] { runIds })})";

    public static string Uri(string command, object arguments) =>
        $"command:{command}?{System.Uri.EscapeDataString(JsonSerializer.Serialize(arguments))}";
}
