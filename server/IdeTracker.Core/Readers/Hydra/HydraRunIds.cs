using IdeTracker.Core.Model;

namespace IdeTracker.Core.Readers.Hydra;

/// <summary>Ids of Hydra runs: a job and its sweep are both named by their folder below the store, so a job can
/// name its sweep as its parent without reading the sweep's files.</summary>
internal static class HydraRunIds
{
    public const string Source = "hydra";

    public static string NativeId(RunUnit unit) => NativeId(unit.StorePath, unit.Path);

    public static string NativeId(string store, string folder)
    {
        var relative = PathText.RelativeOrSelf(store, folder);
        return relative == "." ? Path.GetFileName(folder) : relative;
    }

    public static string Make(RunUnit unit, string folder) =>
        RunIds.Make(Source, PathText.RelativeOrSelf(unit.WorkspaceRoot, unit.StorePath), NativeId(unit.StorePath, folder));
}
