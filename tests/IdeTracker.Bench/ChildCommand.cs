using System.Text.Json;
using IdeTracker.Bench.Measurement;

namespace IdeTracker.Bench;

/// <summary><c>--child scenario</c>: measures one scenario and prints its result as a single JSON line on stdout.
/// Anything else it has to say goes to stderr.</summary>
internal static class ChildCommand
{
    public static int Run(BenchOptions options, string scenarioName)
    {
        try
        {
            var result = ScenarioMeasurement.Run(BenchScenario.Named(options, scenarioName), CancellationToken.None);
            Console.Out.WriteLine(JsonSerializer.Serialize(result, BenchJson.Options));
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"[{scenarioName}] failed: {e}");
            return 1;
        }
    }
}
