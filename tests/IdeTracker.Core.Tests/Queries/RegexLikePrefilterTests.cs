using System.Text.RegularExpressions;
using IdeTracker.Core.Queries;
using Microsoft.Data.Sqlite;

namespace IdeTracker.Core.Tests.Queries;

public sealed class RegexLikePrefilterTests
{
    private static readonly string[] Texts =
    [
        "run-117", "RUN-1007", "run-17\n", "run-1x7", "resnet", "RESNET-50", "re\u017Fnet", "\u212Aelvin", "KELVIN", "kelvin",
        "50%_off", "50% off", "x.txt", "xtxt", "X\u00E9Y", "X\u00C9Y", "abc", "ac", "abbbc", "cd", "ababcd", "a\\b", "", "\u0130ndex", "index",
    ];

    [Theory]
    [InlineData("^run-1[0-9]*7$", "run-1%7%")]
    [InlineData("resnet", "%re_net%")]
    [InlineData("^RES.*-b$", "RE_%-b%")]
    [InlineData("ab?c", "%a%c%")]
    [InlineData("ab+c", "%ab%c%")]
    [InlineData("x{2,3}yz", "%yz%")]
    [InlineData("^(ab)+cd", "%cd%")]
    [InlineData("^a*bc", "%bc%")]
    [InlineData("[abc]def", "%def%")]
    [InlineData("[^]x]def", "%def%")]
    [InlineData("\\.txt$", "%.txt%")]
    [InlineData("\\d+-b", "%-b%")]
    [InlineData("50%_off", "%50\\%\\_off%")]
    [InlineData("a\\\\b", "%a\\\\b%")]
    [InlineData("X\u00E9Y", "%X_Y%")]
    [InlineData("kelvin", "%_elv_n%")]
    public void A_pattern_s_literals_become_a_like_in_order(string pattern, string like) =>
        Assert.Equal(like, RegexLikePrefilter.For(pattern));

    [Theory]
    [InlineData("a|b")]
    [InlineData("(?-i)^adam")]
    [InlineData("(?:ab)c")]
    [InlineData("\\d+")]
    [InlineData(".*")]
    [InlineData("\\x41bc")]
    [InlineData("\\p{L}x")]
    [InlineData("[a-z-[aeiou]]x")]
    [InlineData("(ab")]
    [InlineData("ab)")]
    [InlineData("")]
    public void A_pattern_without_safe_literals_gets_no_like(string pattern) =>
        Assert.Null(RegexLikePrefilter.For(pattern));

    [Fact]
    public void Every_text_a_pattern_matches_passes_its_like()
    {
        string[] patterns =
        [
            "^run-1[0-9]*7$", "resnet", "^RES.*-b$", "ab?c", "ab+c", "^(ab)+cd", "[abc]def", "\\.txt$", "50%_off", "50% off",
            "a\\\\b", "X\u00E9Y", "kelvin", "^KEL", "index", "^run-1\\d*7", "b{1,3}c", "^a", "c$", "RUN",
        ];
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT $text LIKE $like ESCAPE $escape";
        var checkedMatches = 0;
        foreach (var pattern in patterns)
        {
            var like = RegexLikePrefilter.For(pattern);
            Assert.NotNull(like);
            var regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            foreach (var text in Texts.Where(t => regex.IsMatch(t)))
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$text", text);
                command.Parameters.AddWithValue("$like", like);
                command.Parameters.AddWithValue("$escape", RegexLikePrefilter.Escape.ToString());
                Assert.True((long)command.ExecuteScalar()! == 1, $"'{text}' matches /{pattern}/ but not LIKE '{like}'");
                checkedMatches++;
            }
        }

        Assert.True(checkedMatches > patterns.Length, $"only {checkedMatches} matches were checked");
    }
}
