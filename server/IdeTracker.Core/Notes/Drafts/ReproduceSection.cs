using System.Text;
using IdeTracker.Core.Index;
using IdeTracker.Core.Model;
using IdeTracker.Core.Presentation;

namespace IdeTracker.Core.Notes.Drafts;

/// <summary>"Reproduce": for each linked run what the index recorded of its command, git commit (and whether the tree
/// had uncommitted changes), data inputs, folder, environment and packages; what it did not record is said to be
/// unknown, never guessed.</summary>
internal static class ReproduceSection
{
    public const int MaxPackages = 30;

    public static void Write(StringBuilder markdown, IReadOnlyList<RunDetailsRow> runs, string workspaceRoot)
    {
        markdown.AppendLine("## Reproduce").AppendLine();
        foreach (var run in runs)
        {
            if (runs.Count > 1)
            {
                markdown.AppendLine($"### {MarkdownText.EscapeForEditing(run.Run.Name)}").AppendLine();
            }

            if (run.Command is { Length: > 0 } command)
            {
                markdown.AppendLine("Command:").AppendLine();
                var fence = Fence(command);
                markdown.AppendLine(fence + "sh").AppendLine(command.TrimEnd()).AppendLine(fence).AppendLine();
            }
            else
            {
                markdown.AppendLine("- Command: not recorded");
            }

            markdown.AppendLine(run.GitCommit is { Length: > 0 } commit
                ? $"- Git commit: {MarkdownText.Code(commit)}{(run.GitDirty == true ? " with uncommitted changes" : run.GitDirty == false ? " (clean)" : "")}"
                : "- Git commit: not recorded");
            markdown.AppendLine($"- Folder: {MarkdownText.Code(PathText.RelativeOrSelf(workspaceRoot, run.Run.Directory))}");
            if (run.DataInputs.Count == 0)
            {
                markdown.AppendLine("- Data: not recorded");
            }
            else
            {
                markdown.AppendLine("- Data:");
                foreach (var input in run.DataInputs)
                {
                    var facts = new List<string>();
                    if (input.Digest is { Length: > 0 } digest)
                    {
                        facts.Add(MarkdownText.Code(digest));
                    }

                    if (input.Size is { } size)
                    {
                        facts.Add(Labels.Size(size));
                    }

                    if (input.Files is { } files)
                    {
                        facts.Add(Labels.Count(files, "file"));
                    }

                    markdown.AppendLine($"  - {MarkdownText.Code(input.Path)}{(facts.Count > 0 ? " · " + string.Join(" · ", facts) : "")}");
                }
            }

            markdown.AppendLine(run.Environment.Count == 0
                ? "- Environment: not recorded"
                : "- Environment: " + string.Join(", ", run.Environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{MarkdownText.EscapeForEditing(e.Key)} {MarkdownText.EscapeForEditing(e.Value)}")));
            if (run.Packages.Count == 0)
            {
                markdown.AppendLine("- Packages: not recorded");
            }
            else
            {
                var shown = run.Packages.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Take(MaxPackages)
                    .Select(p => MarkdownText.Code(p.Value.Length > 0 ? $"{p.Key}=={p.Value}" : p.Key));
                var more = run.Packages.Count > MaxPackages ? $" and {Labels.Count(run.Packages.Count - MaxPackages, "more package")}" : "";
                markdown.AppendLine($"- Packages: {string.Join(", ", shown)}{more}");
            }

            markdown.AppendLine();
        }
    }

    /// <summary>A code fence longer than any run of backticks in the command, so the command cannot close it.</summary>
    private static string Fence(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}
