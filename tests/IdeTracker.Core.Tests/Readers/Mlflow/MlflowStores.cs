using System.Text.RegularExpressions;
using IdeTracker.Core.Readers;

namespace IdeTracker.Core.Tests.Readers.Mlflow;

/// <summary>Finds run folders the way discovery will (<c>&lt;store&gt;/&lt;experiment&gt;/&lt;32 hex&gt;/</c>)
/// so reader tests do not depend on discovery.</summary>
public static partial class MlflowStores
{
    public static List<RunUnit> RunUnits(string store, string workspace)
    {
        var units = new List<RunUnit>();
        foreach (var experiment in Directory.GetDirectories(store))
        {
            foreach (var run in Directory.GetDirectories(experiment))
            {
                if (RunIdPattern().IsMatch(Path.GetFileName(run)))
                {
                    units.Add(new RunUnit(UnitFormats.MlflowFileRun, run, store, workspace));
                }
            }
        }

        return units;
    }

    public static RunUnit Unit(string runFolder, string store, string workspace) =>
        new(UnitFormats.MlflowFileRun, runFolder, store, workspace);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex RunIdPattern();
}
