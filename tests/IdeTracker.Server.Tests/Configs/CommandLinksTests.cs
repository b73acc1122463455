using IdeTracker.Server.Features.Configs;
using static IdeTracker.Server.Tests.Configs.ConfigFixtures;

namespace IdeTracker.Server.Tests.Configs;

public sealed class CommandLinksTests
{
    private static readonly string[] HostileIds = ["plain", "with space", "paren)]", "quote\"", "ünï ✓", "a%20b", "?&=#"];

    [Fact]
    public void Reveal_carries_one_run_id_that_decodes_back()
    {
        foreach (var id in HostileIds)
        {
            var link = DecodeLinks(CommandLinks.Reveal(id)).Single();

            Assert.Equal("ideTracker.revealRun", link.Command);
            Assert.Equal([id], link.Arguments.EnumerateArray().Select(a => a.GetString()));
        }
    }

    [Fact]
    public void Compare_carries_one_argument_the_array_of_ids_that_decodes_back()
    {
        var link = DecodeLinks(CommandLinks.Compare(HostileIds)).Single();

        Assert.Equal("ideTracker.compareRunIds", link.Command);
        var argument = Assert.Single(link.Arguments.EnumerateArray());
        Assert.Equal(HostileIds, argument.EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void The_link_destination_has_nothing_that_could_end_the_link_early()
    {
        var link = CommandLinks.Compare(HostileIds);
        var destination = link[(link.IndexOf("](", StringComparison.Ordinal) + 2)..^1];

        Assert.DoesNotContain(destination, c => c is ' ' or '(' or ')' or '[' or ']' or '"' or '<' or '>');
    }
}
