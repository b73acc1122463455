using IdeTracker.Core.Notes.Drafts;

namespace IdeTracker.Core.Tests.Notes;

public sealed class TranscriptStoryTests
{
    [Fact]
    public void Next_steps_are_the_sentences_saying_what_comes_next_and_the_rest_is_what_was_tried()
    {
        var story = TranscriptStory.Of(
            "I dropped the learning rate to 0.001 because the loss diverged. It was stable after that. Next I'll try a cosine schedule. "
            + "I want to try dropout at 0.3! Maybe try a bigger batch. I should check the data loader. We're going to follow up on the warmup? "
            + "The augmentation helped a lot.");

        Assert.Equal(
            ["I dropped the learning rate to 0.001 because the loss diverged.", "It was stable after that.", "The augmentation helped a lot."],
            story.Tried);
        Assert.Equal(
            ["Next I'll try a cosine schedule.", "I want to try dropout at 0.3!", "Maybe try a bigger batch.", "I should check the data loader.", "We're going to follow up on the warmup?"],
            story.NextSteps);
        Assert.Equal("I dropped the learning rate to 0.001 because the loss diverged. It was stable after that.", story.Summary);
        Assert.False(story.IsSilent);
    }

    [Fact]
    public void The_title_is_the_first_sentence_cut_at_a_word_near_sixty_characters_without_closing_punctuation()
    {
        var story = TranscriptStory.Of("Comparing the transformer against the convolutional baseline on the held-out split, again. Then more.");

        Assert.Equal("Comparing the transformer against the convolutional baseline", story.Title);
        Assert.True(story.Title!.Length <= TranscriptStory.MaxTitleLength);
        Assert.Equal("Short one", TranscriptStory.Of("Short one!").Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("[BLANK_AUDIO]")]
    [InlineData(" (silence) [MUSIC] ")]
    [InlineData("...")]
    public void A_transcript_without_words_is_silent(string transcript)
    {
        var story = TranscriptStory.Of(transcript);

        Assert.True(story.IsSilent);
        Assert.Null(story.Title);
        Assert.Empty(story.NextSteps);
    }

    [Fact]
    public void A_curly_apostrophe_from_the_transcriber_still_reads_as_a_next_step() =>
        Assert.Equal(["Next time I\u2019ll use mixed precision."], TranscriptStory.Of("It ran fine. Next time I\u2019ll use mixed precision.").NextSteps);
}
