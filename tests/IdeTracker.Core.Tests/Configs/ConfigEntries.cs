using IdeTracker.Core.Configs;

namespace IdeTracker.Core.Tests.Configs;

/// <summary>Config entries built in code, as the parsers would give them, for mapper and results tests.</summary>
internal static class ConfigEntries
{
    public static ConfigEntry Scalar(string dotted, string value, int line = 0) =>
        new(dotted.Split('.'), TextSpan.OnLine(line, 0, dotted.Length), TextSpan.OnLine(line, dotted.Length + 2, dotted.Length + 2 + value.Length), value, ConfigEntryKind.Scalar);

    public static ConfigEntry Section(string dotted, int line = 0) =>
        new(dotted.Split('.'), TextSpan.OnLine(line, 0, dotted.Length), null, null, ConfigEntryKind.Section);

    public static ConfigEntry HydraDefault(string group, string option, int line = 0) =>
        new([group], TextSpan.OnLine(line, 2, 2 + group.Length), TextSpan.OnLine(line, 4 + group.Length, 4 + group.Length + option.Length), option, ConfigEntryKind.HydraDefault);

    public static ConfigEntry WithPath(IReadOnlyList<string> path, string value) =>
        new(path, TextSpan.OnLine(0, 0, 1), TextSpan.OnLine(0, 3, 3 + value.Length), value, ConfigEntryKind.Scalar);
}
