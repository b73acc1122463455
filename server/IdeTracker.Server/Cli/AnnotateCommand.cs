using IdeTracker.Core;
using IdeTracker.Core.Annotations;
using IdeTracker.Core.Discovery;
using IdeTracker.Core.Index;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Server.Cli;

/// <summary><c>annotate</c>: indexes the folder as <c>scan</c> does, finds the run, changes its annotation file and
/// prints what the file now says. Exit code 0 when written, 1 when the run is not found or ambiguous or its file does
/// not parse (the file is left as it is).</summary>
public static class AnnotateCommand
{
    public static int Run(AnnotateArguments args, TextWriter output, TextWriter error)
    {
        var databasePath = args.IndexPath ?? IndexStore.DefaultCliPath(args.Folder);
        using var store = IndexStore.Open(Path.GetFullPath(databasePath), args.Folder, message => error.WriteLine(message));
        var indexer = Engine.CreateIndexer(store, new DiscoveryOptions());
        indexer.IndexWorkspace(args.Folder, null, CancellationToken.None);

        var matches = Resolve(store.GetAllRunDetails(null), args.Run);
        if (matches.Count != 1)
        {
            error.WriteLine(matches.Count == 0
                ? $"ide-tracker annotate: no run has the id, id prefix or name '{args.Run}'"
                : $"ide-tracker annotate: '{args.Run}' could be any of {Labels.Count(matches.Count, "run")}: "
                  + string.Join(", ", matches.Take(10).Select(r => $"{r.Run.Id} ({r.Run.Name})")));
            return 1;
        }

        var run = matches[0].Run;
        var change = new AnnotationChange { Starred = args.Starred, AddTags = args.AddTags, RemoveTags = args.RemoveTags, Note = args.Note };
        RunAnnotation annotation;
        try
        {
            annotation = indexer.Annotations.Apply(run.Id, change, DateTimeOffset.UtcNow);
        }
        catch (AnnotationFileException ex)
        {
            error.WriteLine($"ide-tracker annotate: {ex.Message}");
            return 1;
        }

        output.WriteLine($"{run.Name} ({run.Id}){(run.Gone ? " · files gone" : "")}");
        output.WriteLine($"  starred: {(annotation.Starred ? "yes" : "no")}");
        output.WriteLine($"  tags:    {(annotation.Tags.Count == 0 ? "(none)" : string.Join(' ', annotation.Tags.Select(t => "#" + t)))}");
        output.WriteLine($"  note:    {annotation.Note ?? "(none)"}");
        output.WriteLine($"Wrote {indexer.Annotations.FileOf(run.Id)}");
        return 0;
    }

    /// <summary>The run with exactly this id; else those whose id starts with it; else those with exactly this name.</summary>
    private static List<RunDetailsRow> Resolve(IReadOnlyList<RunDetailsRow> runs, string key)
    {
        var exact = runs.Where(r => r.Run.Id == key).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var prefixed = runs.Where(r => r.Run.Id.StartsWith(key, StringComparison.Ordinal)).ToList();
        return prefixed.Count > 0 ? prefixed : runs.Where(r => r.Run.Name == key).ToList();
    }
}
