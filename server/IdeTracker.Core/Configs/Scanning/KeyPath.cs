namespace IdeTracker.Core.Configs.Scanning;

/// <summary>Key paths as the scanners build them: a parent's segments plus one.</summary>
internal static class KeyPath
{
    public static string[] Append(IReadOnlyList<string> prefix, string segment)
    {
        var path = new string[prefix.Count + 1];
        for (var i = 0; i < prefix.Count; i++)
        {
            path[i] = prefix[i];
        }

        path[^1] = segment;
        return path;
    }

    public static string Index(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
