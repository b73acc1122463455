using System.Text.Json;
using System.Text.Json.Serialization;
using IdeTracker.Core.Readers;
using IdeTracker.Core.Readers.Common;

namespace IdeTracker.Core.Tests.Readers;

/// <summary>Checks for resumable readers: a resumed read must give exactly what a whole read gives, and should read
/// only what was appended.</summary>
public static class ResumedReads
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Everything a read gave but its resume, as text: runs field by field, problems and stamps in order.</summary>
    public static string Describe(UnitReadResult result) =>
        JsonSerializer.Serialize(new { result.Runs, result.Problems, result.Files }, Options);

    public static void AssertSameAsWhole(UnitReadResult whole, UnitReadResult resumed, string because)
    {
        var expected = Describe(whole);
        var actual = Describe(resumed);
        Assert.True(expected == actual, $"{because}\nwhole read:\n{expected}\nresumed read:\n{actual}");
    }

    /// <summary>The result of <paramref name="read"/> and the bytes the readers of growing files read meanwhile.</summary>
    public static (UnitReadResult Result, long BytesRead) Counting(Func<UnitReadResult> read)
    {
        var before = BytesReadProbe.OnThisThread;
        var result = read();
        return (result, BytesReadProbe.OnThisThread - before);
    }
}
