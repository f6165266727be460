using WebApp.Transcription.Insights;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Transcription.Insights;

public sealed class KeyPhraseExtractorTests
{
    /// <summary>Words 500 ms apart, each 400 ms long.</summary>
    internal static List<Word> Words(string text) =>
        [.. text.Split(' ').Select((w, i) => new Word(w, i * 500, i * 500 + 400, 0.9))];

    [Fact]
    public void Extract_FindsRepeatedMultiWordPhraseWithEachTime()
    {
        var words = Words("There are air quality alerts because of the wildfires. Officials say air quality alerts will last until Friday, and the wildfires keep burning.");
        var phrases = KeyPhraseExtractor.Extract(words);

        var alerts = Assert.Single(phrases, p => p.Text == "air quality alerts");
        Assert.Equal(2, alerts.Count);
        Assert.Equal([new PhraseTime(1000, 2400), new PhraseTime(5500, 6900)], alerts.Occurrences);
        Assert.Equal("air quality alerts", phrases[0].Text);
        Assert.InRange(phrases.Sum(p => p.Rank), 0.99, 1.01);
    }

    [Fact]
    public void Extract_LeavesOutStopwordsNumbersAndRedactedWords()
    {
        var phrases = KeyPhraseExtractor.Extract(Words("Um, well, I think that we should call ####-#### about the [PERSON_NAME] on 42 occasions, the garden project."));
        Assert.DoesNotContain(phrases, p => p.Text.Contains('#') || p.Text.Contains("person") || p.Text.Contains("42") || p.Text.Split(' ').Contains("the"));
        Assert.Contains(phrases, p => p.Text == "garden project");
    }

    [Fact]
    public void Extract_NoContentWords_GivesNone() => Assert.Empty(KeyPhraseExtractor.Extract(Words("um, yeah, it is what it is.")));
}
