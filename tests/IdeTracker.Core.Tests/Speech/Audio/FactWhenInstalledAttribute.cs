namespace IdeTracker.Core.Tests.Speech.Audio;

/// <summary>A fact that runs only when every named program is on PATH, and is reported as skipped, saying which
/// program to install, otherwise (xunit 2 has no skip from inside a test).</summary>
public sealed class FactWhenInstalledAttribute : FactAttribute
{
    public FactWhenInstalledAttribute(params string[] programs)
    {
        var missing = programs.Where(p => Installed.Find(p) is null).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"needs {string.Join(" and ", missing)} on PATH (apt-get install -y {string.Join(' ', missing)})";
        }
    }
}
