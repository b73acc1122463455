namespace IdeTracker.Bench.Generation;

/// <summary>Reuses a workspace generated earlier with the same parameters, else generates it afresh.</summary>
internal static class GeneratedWorkspace
{
    /// <summary>Returns true when the workspace had to be generated.</summary>
    public static bool Ensure(string workspaceRoot, IWorkspaceGenerator generator)
    {
        var stampPath = workspaceRoot + ".stamp";
        if (Directory.Exists(workspaceRoot) && File.Exists(stampPath) && File.ReadAllText(stampPath) == generator.Stamp)
        {
            return false;
        }

        // The stamp goes last, so a generation cut short is never mistaken for a complete one.
        Directory.CreateDirectory(Path.GetDirectoryName(stampPath)!);
        File.Delete(stampPath);
        if (Directory.Exists(workspaceRoot))
        {
            Directory.Delete(workspaceRoot, recursive: true);
        }

        generator.Generate(workspaceRoot);
        File.WriteAllText(stampPath, generator.Stamp);
        return true;
    }
}
