using WebApp.Transcription.Formatting;

namespace WebApp.Tests.Transcription.Formatting;

public sealed class FillerWordTests
{
    [Theory]
    [InlineData("i um think so", "I think so.")]
    [InlineData("uh hello", "Hello.")]
    [InlineData("i think , um , we should go", "I think we should go.")]
    [InlineData("hmm mhm er ah okay", "Okay.")]
    public void Format_ByDefault_RemovesFillers(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Format(spoken));

    [Fact]
    public void Format_DisfluenciesOn_KeepsFillers() =>
        Assert.Equal("I um think so.", SpokenWords.Format("i um think so", FormattingOptions.AssemblyAiDefaults with { Disfluencies = true }));

    [Fact]
    public void Format_SentenceEndAfterAFiller_MovesToTheWordBefore() =>
        Assert.Equal("We left. Then we ate.", SpokenWords.Format("we left um | then we ate"));

    [Fact]
    public void Format_FillerRemoved_OtherWordsKeepTheirTimes()
    {
        var spoken = SpokenWords.From("i um think");

        var words = TranscriptFormatter.Format(spoken, FormattingOptions.AssemblyAiDefaults);

        Assert.Equal([spoken[0].Start, spoken[2].Start], words.Select(w => w.Start));
    }

    [Theory]
    [InlineData("oh i see", "Oh I see.")]
    [InlineData("the earth", "The earth.")]
    public void Format_WordsThatOnlySoundLikeFillers_Stay(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Format(spoken));
}
