using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdeTracker.Bench.Reporting;

/// <summary>One JSON object per scenario for CI logs: every figure, and each target's verdict.</summary>
internal static class JsonSummary
{
    public static string For(ScenarioRun run)
    {
        if (run.Result is not { } result)
        {
            return new JsonObject { ["scenario"] = run.Scenario.Name, ["error"] = run.Error }.ToJsonString();
        }

        var json = JsonSerializer.SerializeToNode(result, BenchJson.Options)!.AsObject();
        var targets = new JsonObject();
        foreach (var check in Targets.For(run.Scenario, result))
        {
            targets[check.Key] = check.Met;
        }

        json["targetsMet"] = targets;
        return json.ToJsonString(BenchJson.Options);
    }
}
