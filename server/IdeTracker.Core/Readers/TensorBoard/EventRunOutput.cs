using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Puts what was read from event files into a run: each scalar tag's points (the very lists the
/// state keeps, so a resumed read does not copy them) and the non-scalar series as media.</summary>
internal static class EventRunOutput
{
    /// <summary><paramref name="keyOf"/> turns a tag into the run's metric or media key (Guild prefixes
    /// tags of sub-folders); a tag whose key is already taken keeps the first series.</summary>
    public static void AddTo(Run run, EventRunState state, Func<string, string>? keyOf = null)
    {
        foreach (var tag in state.Tags.InOrder)
        {
            var key = keyOf is null ? tag.Name : keyOf(tag.Name);
            if (tag.Points is { Count: > 0 } points)
            {
                run.Metrics.TryAdd(key, points);
            }

            foreach (var media in tag.Media)
            {
                run.Media.Add(new RunMedia(key, media.Kind, media.Count, media.LastStep));
            }
        }
    }
}
