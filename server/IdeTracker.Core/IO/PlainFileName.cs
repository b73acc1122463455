namespace IdeTracker.Core.IO;

/// <summary>Ids that become file or folder names under <c>.ide-tracker/</c> (run ids, note ids): ASCII letters, digits,
/// <c>-</c> and <c>_</c>, at most 128 characters, so none can climb out of its folder or mean anything to a shell.</summary>
public static class PlainFileName
{
    public static bool IsPlain(string id) =>
        id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
