using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Hydra;

/// <summary>Folds the runs the loggers inside a Hydra job wrote into the job's one run: Hydra's config stays the
/// params, the loggers add what Hydra does not record (metrics, status, times, git, environment). Where two
/// loggers logged the same metric (Lightning's CSV and TensorBoard loggers side by side), the longer series wins.</summary>
internal static class InnerRuns
{
    public static RunStatus Status(IReadOnlyList<Run> inner) =>
        inner.Select(r => r.Status).FirstOrDefault(s => s != RunStatus.Unknown, RunStatus.Unknown);

    public static DateTimeOffset? Start(IReadOnlyList<Run> inner) => inner.Select(r => r.StartTime).Where(t => t is not null).Min();

    public static DateTimeOffset? End(IReadOnlyList<Run> inner) => inner.Select(r => r.EndTime).Where(t => t is not null).Max();

    public static string? First(IReadOnlyList<Run> inner, Func<Run, string?> field) =>
        inner.Select(field).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>Adds the inner runs' collections to <paramref name="into"/>; its own params and tags win.</summary>
    public static void AddTo(Run into, IReadOnlyList<Run> inner)
    {
        foreach (var run in inner)
        {
            foreach (var (key, value) in run.Params)
            {
                into.Params.TryAdd(key, value);
            }

            foreach (var (key, value) in run.Tags)
            {
                into.Tags.TryAdd(key, value);
            }

            foreach (var (key, points) in run.Metrics)
            {
                if (!into.Metrics.TryGetValue(key, out var existing) || existing.Count < points.Count)
                {
                    into.Metrics[key] = points;
                }
            }

            foreach (var (name, version) in run.Packages)
            {
                into.Packages.TryAdd(name, version);
            }

            foreach (var (key, value) in run.Environment)
            {
                into.Environment.TryAdd(key, value);
            }

            foreach (var media in run.Media)
            {
                if (!into.Media.Any(m => m.Tag == media.Tag))
                {
                    into.Media.Add(media);
                }
            }

            into.DataInputs.AddRange(run.DataInputs.Where(d => !into.DataInputs.Contains(d)));
        }
    }
}
