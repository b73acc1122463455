namespace IdeTracker.Core.Readers;

/// <summary>The smallest thing discovery hands to a reader, and the unit of incremental re-reading:
/// an MLflow run folder, an mlflow.db file, a Lightning version folder.</summary>
/// <param name="Format">Which reader reads it: <see cref="UnitFormats"/>.</param>
/// <param name="Path">Absolute path of the folder or file.</param>
/// <param name="StorePath">Absolute path of the store it belongs to (mlruns folder, mlflow.db, Lightning save dir).</param>
/// <param name="WorkspaceRoot">Absolute path of the workspace being indexed; run ids are made relative to it.</param>
public sealed record RunUnit(string Format, string Path, string StorePath, string WorkspaceRoot);
