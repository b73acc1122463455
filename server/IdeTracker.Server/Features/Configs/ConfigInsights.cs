using IdeTracker.Core.Configs;
using IdeTracker.Core.Index;
using IdeTracker.Server.Protocol;
using Range = IdeTracker.Server.Protocol.Range;

namespace IdeTracker.Server.Features.Configs;

/// <summary>Past results where the config is edited: hover cards, code lenses, inlay hints and diagnostics for a
/// parsed config document. Reads only through <see cref="IConfigResults"/>; the text is made by the small builders
/// beside it. Safe for concurrent reads when the results are.</summary>
public sealed class ConfigInsights
{
    private readonly IConfigResults _results;
    private readonly Func<MetricChoice?> _mainMetric;
    private readonly DataPaths _dataPaths;

    /// <param name="lastWriteTime">When a file or folder last changed, null when it does not exist; the real file system by default.</param>
    public ConfigInsights(IConfigResults results, Func<MetricChoice?> mainMetric, string workspaceRoot, Func<string, DateTimeOffset?>? lastWriteTime = null)
    {
        _results = results;
        _mainMetric = mainMetric;
        _dataPaths = new DataPaths(workspaceRoot, lastWriteTime ?? FileTimes.LastWrite);
    }

    /// <summary>A card for the value or key under the position; null off any entry and for keys no run records.</summary>
    public Hover? Hover(ConfigDocument document, Position position, DateTimeOffset now)
    {
        if (document.EntryAt(position.Line, position.Character) is not { } entry)
        {
            return null;
        }

        var results = _results.ForEntry(entry);
        if (results.Match.Kind == KeyMatchKind.NotFound)
        {
            return null;
        }

        var onValue = entry.ValueSpan is { } value && value.Contains(position.Line, position.Character);
        var markdown = results.Match.Kind == KeyMatchKind.Ambiguous ? HoverCard.ForAmbiguousKey(entry, results)
            : onValue ? HoverCard.ForValue(entry, results, now)
            : HoverCard.ForKey(entry, results, now);
        return new Hover(MarkupContent.Markdown(markdown), SpanRanges.ToRange(onValue ? entry.ValueSpan!.Value : entry.KeySpan));
    }

    /// <summary>Unresolved lenses: one at the top of the file, one above each key (value or Hydra default) that matched.</summary>
    public IReadOnlyList<CodeLens> CodeLenses(ConfigDocument document, string uri, int version)
    {
        var lenses = new List<CodeLens> { new(SpanRanges.Start, null, new CodeLensData(uri, version, null)) };
        foreach (var entry in document.Entries)
        {
            if (HasValue(entry) && _results.ForEntry(entry).Match.IsMatched)
            {
                lenses.Add(new CodeLens(SpanRanges.ToRange(entry.KeySpan), null, new CodeLensData(uri, version, entry.DottedPath)));
            }
        }

        return lenses;
    }

    /// <summary>Fills in a lens's title and command from <paramref name="document"/> as it is now, whatever version
    /// the lens was made for. A key no longer in the document resolves to a lens that does nothing.</summary>
    public CodeLens Resolve(CodeLens lens, ConfigDocument document, DateTimeOffset now)
    {
        if (lens.Data?.Key is not { } key)
        {
            var file = _results.ForDocument(document);
            var fileTitle = LensTitles.ForFile(file, _mainMetric(), now);
            return lens with
            {
                Command = file.RunIds.Count > 0
                    ? new Command(fileTitle, CommandLinks.CompareRunIds, [CompareSelection.Cap(file.RunIds)])
                    : Inert(fileTitle),
            };
        }

        var entry = document.Entries.FirstOrDefault(e => HasValue(e) && e.DottedPath == key && e.KeySpan.Line == lens.Range.Start.Line)
            ?? document.Entries.FirstOrDefault(e => HasValue(e) && e.DottedPath == key);
        if (entry is null)
        {
            return lens with { Command = Inert("no longer in this file") };
        }

        var results = _results.ForEntry(entry);
        var title = LensTitles.ForKey(entry, results);
        var runs = CompareSelection.ForKey(results);
        return lens with { Command = runs.Count > 0 ? new Command(title, CommandLinks.CompareRunIds, [runs]) : Inert(title) };
    }

    /// <summary>A hint after each value in the range whose key matched.</summary>
    public IReadOnlyList<InlayHint> InlayHints(ConfigDocument document, Range range)
    {
        var hints = new List<InlayHint>();
        foreach (var entry in document.Entries)
        {
            if (!HasValue(entry) || entry.ValueSpan is not { } span)
            {
                continue;
            }

            var end = new Position(span.EndLine, span.EndCharacter);
            if (!SpanRanges.Contains(range, end))
            {
                continue;
            }

            var results = _results.ForEntry(entry);
            if (HintLabels.Label(entry, results) is { } label)
            {
                hints.Add(new InlayHint(end, label, MarkupContent.Markdown(HintLabels.Tooltip(entry, results)), PaddingLeft: true));
            }
        }

        return hints;
    }

    /// <summary>Failed values, a config whose last run failed, and data changed since the file's best run.</summary>
    /// <param name="documentPath">The document's path on disk, for resolving relative data paths.</param>
    public IReadOnlyList<Diagnostic> Diagnostics(ConfigDocument document, string documentPath, DateTimeOffset now)
    {
        var diagnostics = new List<Diagnostic>();
        var file = _results.ForDocument(document);
        if (ConfigDiagnostics.ForFailedConfig(file, now) is { } failedConfig)
        {
            diagnostics.Add(failedConfig);
        }

        foreach (var entry in document.Entries)
        {
            if (!HasValue(entry))
            {
                continue;
            }

            if (ConfigDiagnostics.ForFailedValue(entry, _results.ForEntry(entry), now) is { } failedValue)
            {
                diagnostics.Add(failedValue);
            }

            if (file.BestRun is not null && _dataPaths.Resolve(entry, documentPath) is { } data
                && ConfigDiagnostics.ForChangedData(entry, data.Changed, file.BestRun, now) is { } changed)
            {
                diagnostics.Add(changed);
            }
        }

        return diagnostics;
    }

    private static bool HasValue(ConfigEntry entry) =>
        entry.Kind is ConfigEntryKind.Scalar or ConfigEntryKind.HydraDefault && entry.ValueSpan is not null;

    /// <summary>A lens shown as a label: VS Code does not run a command with an empty id.</summary>
    private static Command Inert(string title) => new(title, string.Empty, null);
}
