using System.Globalization;
using IdeTracker.Core.Model;

using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Readers.Mlflow;

/// <summary>Problems of a meta.yaml, one per file for unreadable lines rather than one per line.</summary>
internal static class MetaProblems
{
    public static Problem BadLines(string path, MetaYaml yaml)
    {
        var more = yaml.BadLineCount > 1
            ? string.Create(CultureInfo.InvariantCulture, $" ({yaml.BadLineCount - 1} more such lines)")
            : "";
        return new Problem(path, yaml.FirstBadLine, "not a 'key: value' line" + more);
    }
}
