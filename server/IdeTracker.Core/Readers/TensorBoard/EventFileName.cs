namespace IdeTracker.Core.Readers.TensorBoard;

/// <summary>Event file names: <c>events.out.tfevents.&lt;unix time&gt;.&lt;host&gt;.&lt;pid&gt;.&lt;uid&gt;[suffix]</c>.</summary>
internal static class EventFileName
{
    public const string Prefix = "events.out.tfevents.";

    public static bool IsEventFile(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The host that wrote the file, or null when the name does not say. Host names may hold dots
    /// ("node1.cluster"), so the host is what lies between the time and the last two numbers (pid, uid);
    /// a suffix after them (TF2's ".v2", "profile-empty") is not part of it.</summary>
    public static string? HostOf(string name)
    {
        if (!IsEventFile(name))
        {
            return null;
        }

        var parts = name[Prefix.Length..].Split('.');
        if (parts.Length < 4 || !IsNumber(parts[0]))
        {
            return null;
        }

        for (var pid = parts.Length - 2; pid >= 2; pid--)
        {
            if (IsNumber(parts[pid]) && IsNumber(parts[pid + 1]))
            {
                var host = string.Join('.', parts[1..pid]);
                return host.Length > 0 ? host : null;
            }
        }

        return null;
    }

    private static bool IsNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
