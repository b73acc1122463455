namespace IdeTracker.Core.Readers.Dvc;

/// <summary>A params file dvc.yaml names: its path relative to the project, and the keys it tracks (null
/// for the whole file, as "- params.yaml:" with no keys means).</summary>
internal sealed record ParamsReference(string File, IReadOnlyList<string>? Keys);
