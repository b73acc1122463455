using System.Text.Json;
using IdeTracker.Core.Model;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Sacred;

/// <summary>Reads the numbers in Sacred's info.json (the run's _run.info, rewritten at every heartbeat). Sacred
/// before 0.7 had no metrics API and no metrics.json: results were kept in info.json, as numbers or lists of
/// numbers. So a number there becomes a metric with one point at step 0, and a list of numbers a metric with
/// steps 0…n-1 (info.json records no steps or times); nested mappings give dotted names. A name metrics.json
/// already has is left to metrics.json. Text, lists of other things and the like are not metrics and are not read.</summary>
internal static class InfoJsonFile
{
    public const long MaxBytes = 64L * 1024 * 1024;

    private const int MaxDepth = 16;

    /// <summary>Adds metrics from info.json; returns how many points were added.</summary>
    public static long Read(string path, Dictionary<string, List<MetricPoint>> metrics, long pointBudget, List<Problem> problems)
    {
        using var json = JsonFile.Parse(path, MaxBytes, problems);
        if (json is null)
        {
            return 0;
        }

        if (json.Root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new Problem(path, 1, "is not a mapping of names to values; not read", ProblemSeverity.Warning));
            return 0;
        }

        var taken = new HashSet<string>(metrics.Keys, StringComparer.Ordinal);
        var walk = new Walk(metrics, taken, pointBudget);
        walk.Fields("", json.Root, 0);
        if (walk.OverBudget)
        {
            problems.Add(new Problem(path, 0, $"more metric points than the {pointBudget:N0} a run may have; some numbers here are not read", ProblemSeverity.Error));
        }

        return walk.Added;
    }

    private sealed class Walk(Dictionary<string, List<MetricPoint>> metrics, HashSet<string> taken, long budget)
    {
        private readonly List<double> _numbers = [];

        public long Added { get; private set; }

        public bool OverBudget { get; private set; }

        public void Fields(string prefix, JsonElement mapping, int depth)
        {
            foreach (var property in mapping.EnumerateObject())
            {
                if (property.Name.StartsWith(JsonPickle.Marker, StringComparison.Ordinal))
                {
                    continue;
                }

                var name = prefix.Length == 0 ? JsonPickle.KeyText(property.Name) : prefix + "." + JsonPickle.KeyText(property.Name);
                Value(name, property.Value, depth + 1);
            }
        }

        private void Value(string name, JsonElement value, int depth)
        {
            if (JsonPickle.TryGetNumber(value, out var number))
            {
                Add(name, [number]);
            }
            else if (JsonPickle.TryGetNumbers(value, _numbers))
            {
                Add(name, _numbers);
            }
            else if (value.ValueKind == JsonValueKind.Object && !JsonPickle.IsPickled(value) && depth < MaxDepth)
            {
                Fields(name, value, depth);
            }
        }

        private void Add(string name, List<double> values)
        {
            if (taken.Contains(name))
            {
                return;
            }

            if (Added + values.Count > budget)
            {
                OverBudget = true;
                return;
            }

            var points = new List<MetricPoint>(values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                points.Add(new MetricPoint(i, 0, values[i]));
            }

            metrics[name] = points;
            taken.Add(name);
            Added += points.Count;
        }
    }
}
