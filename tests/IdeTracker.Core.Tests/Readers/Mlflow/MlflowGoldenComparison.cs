using IdeTracker.Core.Model;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>Compares a run read by our readers with the same run as MLflow reported it.</summary>
public static class MlflowGoldenComparison
{
    /// <summary>Every way <paramref name="actual"/> differs from what MLflow reported, as readable lines.</summary>
    public static IEnumerable<string> Differences(MlflowGoldenRun expected, Run actual, string storeRelativePath)
    {
        var id = expected.RunId;
        if (actual.Id != RunIds.Make("mlflow", storeRelativePath, id))
        {
            yield return $"{id}: id {actual.Id}";
        }

        if (actual.Name != expected.RunName)
        {
            yield return $"{id}: name {actual.Name} != {expected.RunName}";
        }

        if (actual.Status.ToWire().ToUpperInvariant() != expected.Status)
        {
            yield return $"{id}: status {actual.Status} != {expected.Status}";
        }

        if (actual.StartTime?.ToUnixTimeMilliseconds() != expected.StartTime)
        {
            yield return $"{id}: start {actual.StartTime} != {expected.StartTime}";
        }

        if (actual.EndTime?.ToUnixTimeMilliseconds() != expected.EndTime)
        {
            yield return $"{id}: end {actual.EndTime} != {expected.EndTime}";
        }

        if (actual.ExperimentId != expected.ExperimentId || actual.Experiment != expected.ExperimentName)
        {
            yield return $"{id}: experiment {actual.ExperimentId}/{actual.Experiment}";
        }

        foreach (var difference in DictionaryDifferences(id, "param", expected.Params, actual.Params))
        {
            yield return difference;
        }

        foreach (var difference in DictionaryDifferences(id, "tag", expected.Tags, actual.Tags))
        {
            yield return difference;
        }

        var latest = actual.Metrics.ToDictionary(m => m.Key, m => MetricSummary.Of(m.Value)!.Last, StringComparer.Ordinal);
        foreach (var difference in DictionaryDifferences(id, "metric", expected.LatestMetrics, latest))
        {
            yield return difference;
        }
    }

    /// <summary>Both directions; values compared with Equals, which is exact for doubles and treats NaN as NaN.</summary>
    private static IEnumerable<string> DictionaryDifferences<T>(string id, string kind, Dictionary<string, T> expected, Dictionary<string, T> actual)
    {
        foreach (var (key, value) in expected)
        {
            if (!actual.TryGetValue(key, out var got))
            {
                yield return $"{id}: {kind} {key} missing";
            }
            else if (!EqualityComparer<T>.Default.Equals(got, value))
            {
                yield return $"{id}: {kind} {key} = {got} != {value}";
            }
        }

        foreach (var key in actual.Keys.Where(k => !expected.ContainsKey(k)))
        {
            yield return $"{id}: extra {kind} {key}";
        }
    }
}
