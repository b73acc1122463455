using IdeTracker.Core;
using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Notes.Drafts;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Cli;

/// <summary><c>draft</c>: indexes the workspace as <c>scan</c> does, finds the run, drafts the README from the
/// transcript and prints its Markdown; plots are written to the plots folder. Exit code 0 when drafted, 1 when the
/// run is not found or ambiguous or the transcript cannot be read.</summary>
public static class DraftCommand
{
    public static int Run(DraftArguments args, TextWriter output, TextWriter error)
    {
        string transcript;
        try
        {
            transcript = File.ReadAllText(args.TranscriptPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"ide-tracker draft: {args.TranscriptPath}: cannot read the transcript: {e.Message}");
            return 1;
        }

        var databasePath = args.IndexPath ?? IndexStore.DefaultCliPath(args.Workspace);
        using var store = IndexStore.Open(Path.GetFullPath(databasePath), args.Workspace, message => error.WriteLine(message));
        Engine.CreateIndexer(store, new DiscoveryOptions()).IndexWorkspace(args.Workspace, null, CancellationToken.None);

        var matches = RunArgumentResolver.Resolve(store, args.Run);
        if (matches.Count != 1)
        {
            error.WriteLine(matches.Count == 0
                ? $"ide-tracker draft: no run in {args.Workspace} has the folder, id, id prefix or name '{args.Run}'"
                : $"ide-tracker draft: '{args.Run}' could be any of {Labels.Count(matches.Count, "run")}: "
                  + string.Join(", ", matches.Take(10).Select(r => $"{r.Id} ({r.Name})")));
            return 1;
        }

        var metric = PrimaryMetric.Choose(store.GetMetricKeyCounts(), null, null);
        var draft = new ReadmeDrafter(store, metric).Draft(new DraftRequest(transcript, [matches[0].Id], args.PlotsFolder, DateTimeOffset.UtcNow));
        output.Write(draft.Markdown);
        foreach (var plot in draft.PlotFiles)
        {
            error.WriteLine($"Wrote {plot}");
        }

        return 0;
    }
}
