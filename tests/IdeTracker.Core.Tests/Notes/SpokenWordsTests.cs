using IdeTracker.Core.Notes.Drafts;

namespace IdeTracker.Core.Tests.Notes;

public sealed class SpokenWordsTests
{
    [Theory]
    [InlineData("run-7")]
    [InlineData("run_07")]
    [InlineData("Run 7")]
    [InlineData("run7")]
    public void Written_spellings_of_a_name_give_the_same_words(string name) =>
        Assert.Equal(["run", "7"], SpokenWords.OfName(name));

    [Theory]
    [InlineData("model-size-sweep #007")]
    [InlineData("  Run__07b0 x10  ")]
    [InlineData("0")]
    [InlineData("---")]
    [InlineData("magnificent-wolf-210")]
    public void The_one_pass_key_of_a_name_is_its_words_joined(string name)
    {
        var words = SpokenWords.OfName(name);

        Assert.Equal((string.Join(' ', words), words.Count), SpokenWords.KeyOfName(name, new System.Text.StringBuilder("left over")));
    }

    [Theory]
    [InlineData("run seven", "run 7")]
    [InlineData("the twenty one layer model", "the 21 layer model")]
    [InlineData("magnificent wolf two hundred ten", "magnificent wolf 210")]
    [InlineData("three thousand and five steps", "3005 steps")]
    [InlineData("one two", "1 2")]
    [InlineData("Version_03, then version 4.", "version 3 then version 4")]
    public void Spoken_numbers_become_digits(string speech, string words) =>
        Assert.Equal(words, string.Join(' ', SpokenWords.OfSpeech(speech)));
}
