using IdeTracker.Core.Configs;
using IdeTracker.Server.Features.Configs;

namespace IdeTracker.Server.Tests.Configs;

public sealed class MatchLineTests
{
    [Fact]
    public void A_match_that_is_not_the_same_key_is_said_with_the_param_it_found()
    {
        Assert.Equal("Matched to the run param **hparams\\.lr**.", MatchLine.Markdown(new KeyMatch(KeyMatchKind.Prefixed, "hparams.lr", [])));
        Assert.Equal("Matched to the run param **model\\.optimizer\\.lr**, the only one ending the same way.", MatchLine.Markdown(new KeyMatch(KeyMatchKind.Suffix, "model.optimizer.lr", [])));
    }

    [Fact]
    public void An_exact_match_needs_no_line()
    {
        Assert.Null(MatchLine.Markdown(new KeyMatch(KeyMatchKind.Exact, "lr", [])));
    }
}
