namespace IdeTracker.Core.Queries;

/// <summary>The run's own fields a bare name can mean, as SQL over <c>r</c>. They win over a param or metric
/// of the same name (<c>params.name</c> reaches the param). <c>note</c> is the user's note when there is one,
/// else the source's.</summary>
internal static class RunFields
{
    public static readonly IReadOnlyDictionary<string, string> Columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = "r.name",
        ["experiment"] = "r.experiment",
        ["label"] = "r.label",
        ["user"] = "r.user_name",
        ["host"] = "r.host",
        ["command"] = "r.command",
        ["commit"] = "r.git_commit",
        ["note"] = "COALESCE((SELECT a.note FROM annotations a WHERE a.run_id = r.id), r.note)",
        ["id"] = "r.id",
    };

    /// <summary>Fields that take the words of a term (<c>status = failed</c> is <c>status:failed</c>).</summary>
    public static readonly IReadOnlyList<string> TermFields = ["status", "source"];

    public static IEnumerable<string> AllNames => Columns.Keys.Concat(TermFields);
}
