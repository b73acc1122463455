using System.Globalization;
using IdeTracker.Core.Queries;

namespace IdeTracker.Core.Tests.Queries;

/// <summary>A parsed filter as a compact S-expression, so a test states the tree it expects in one line:
/// <c>(and (lr &lt; 0.01) (tag:baseline))</c>; numbers print as #value, text as 'value'.</summary>
internal static class FilterShape
{
    public static string Of(FilterNode? node) => node switch
    {
        null => "(all)",
        AndNode a => $"(and {Of(a.Left)} {Of(a.Right)})",
        OrNode o => $"(or {Of(o.Left)} {Of(o.Right)})",
        NotNode n => $"(not {Of(n.Operand)})",
        StarredNode => "(starred)",
        TermNode t => $"({t.Term}:{t.Value.Text})",
        ComparisonNode c => $"({c.Name} {c.Operator.Spell()} {Value(c.Value)})",
        _ => throw new ArgumentException(node.GetType().Name),
    };

    private static string Value(FilterValue value) =>
        value.Number is { } n ? "#" + n.ToString("R", CultureInfo.InvariantCulture) : $"'{value.Text}'";
}
