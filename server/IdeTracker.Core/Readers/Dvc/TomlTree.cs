using System.Collections;
using System.Globalization;
using IdeTracker.Core.Model;
using Tomlyn;
using Tomlyn.Model;

namespace IdeTracker.Core.Readers.Dvc;

/// <summary>Builds a <see cref="DataNode"/> tree from a TOML text (params.toml, pyproject-style configs).
/// Tomlyn reads TOML 1.1, which takes every TOML 1.0 document.</summary>
internal static class TomlTree
{
    private static readonly TomlSerializerOptions Options = new() { MaxDepth = NodeFlattener.MaxDepth };

    public static DataNode? Parse(string path, string text, List<Problem> problems)
    {
        try
        {
            var table = TomlSerializer.Deserialize<TomlTable>(text, Options);
            var budget = YamlTree.MaxNodes;
            return table is null ? null : Convert(table, ref budget, 0);
        }
        catch (TomlException e)
        {
            problems.Add(new Problem(path, e.Line is { } line and > 0 ? line : 0, "not valid TOML: " + FirstLine(e.Message)));
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            problems.Add(new Problem(path, 0, "not valid TOML: " + FirstLine(e.Message)));
            return null;
        }
    }

    private static DataNode Convert(object? value, ref int budget, int depth)
    {
        budget--;
        switch (value)
        {
            case IDictionary<string, object?> table when depth < NodeFlattener.MaxDepth:
                var mapping = DataNode.Mapping(0);
                foreach (var (key, item) in table)
                {
                    if (budget < 0)
                    {
                        break;
                    }

                    mapping.Entries.Add(new(key, Convert(item, ref budget, depth + 1)));
                }

                return mapping;
            case IEnumerable list and not string when depth < NodeFlattener.MaxDepth:
                var sequence = DataNode.Sequence(0);
                foreach (var item in list)
                {
                    if (budget < 0)
                    {
                        break;
                    }

                    sequence.Items.Add(Convert(item, ref budget, depth + 1));
                }

                return sequence;
            case string text:
                return DataNode.Scalar(text, true, 0);
            case bool flag:
                return DataNode.Scalar(flag ? "true" : "false", false, 0);
            case double number:
                return DataNode.Scalar(number.ToString("R", CultureInfo.InvariantCulture), false, 0);
            case IFormattable formattable:
                return DataNode.Scalar(formattable.ToString(null, CultureInfo.InvariantCulture), false, 0);
            default:
                return DataNode.Scalar(value?.ToString() ?? "", value is null, 0);
        }
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }
}
