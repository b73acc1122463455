namespace IdeTracker.Bench.Generation;

/// <summary>Writes one synthetic workspace, always the same files for the same parameters.</summary>
internal interface IWorkspaceGenerator
{
    /// <summary>Every parameter that decides the generated files, as text; a stored stamp that differs
    /// means the workspace on disk is stale and is generated again.</summary>
    string Stamp { get; }

    /// <summary>Writes the workspace into <paramref name="workspaceRoot"/>, which does not exist yet.</summary>
    void Generate(string workspaceRoot);
}
