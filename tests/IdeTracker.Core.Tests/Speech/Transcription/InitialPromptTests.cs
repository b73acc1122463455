using IdeTracker.Core.Speech.Transcription;

namespace IdeTracker.Core.Tests.Speech.Transcription;

public sealed class InitialPromptTests
{
    [Theory]
    [InlineData("batch_size", "batch size")]
    [InlineData("learningRate", "learning rate")]
    [InlineData("val/loss", "val loss")]
    [InlineData("train.top-1", "train top 1")]
    [InlineData("HTTPTimeout", "http timeout")]
    [InlineData("layers3", "layers 3")]
    [InlineData("lr", "lr")]
    public void Names_are_spelled_as_spoken(string name, string spoken)
    {
        Assert.Equal(spoken, InitialPrompt.Spoken(name));
    }

    [Fact]
    public void Names_come_with_their_spoken_form_and_the_number_spellings()
    {
        var prompt = InitialPrompt.Build(["learning_rate", "lr"], ["val_loss"]);

        Assert.Equal("Parameters: learning_rate (learning rate), lr. Metrics: val_loss (val loss). Values like 3e-4, 1e-5, 0.001, 0.95.", prompt);
    }

    [Fact]
    public void No_names_is_no_prompt()
    {
        Assert.Equal("", InitialPrompt.Build([], ["", "   ", "bad\nname"]));
    }

    [Fact]
    public void Many_names_are_capped_keeping_the_most_used_of_both_lists()
    {
        var parameters = Enumerable.Range(0, 200).Select(i => $"param_{i:D3}").ToList();
        var metrics = Enumerable.Range(0, 200).Select(i => $"metric_{i:D3}").ToList();

        var prompt = InitialPrompt.Build(parameters, metrics);

        Assert.InRange(prompt.Length, InitialPrompt.MaxCharacters - 60, InitialPrompt.MaxCharacters);
        Assert.Contains("param_000 (param 000)", prompt);
        Assert.Contains("metric_000 (metric 000)", prompt);
        Assert.DoesNotContain("param_199", prompt);
        Assert.True(prompt.IndexOf("param_001", StringComparison.Ordinal) < prompt.IndexOf("param_002", StringComparison.Ordinal));
        Assert.EndsWith("0.95.", prompt);
    }

    [Fact]
    public void A_name_in_both_lists_appears_once()
    {
        var prompt = InitialPrompt.Build(["loss"], ["loss", "acc"]);

        Assert.Equal(1, prompt.Split("loss").Length - 1);
        Assert.Contains("Metrics: acc.", prompt);
    }
}
