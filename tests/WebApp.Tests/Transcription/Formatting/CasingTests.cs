namespace WebApp.Tests.Transcription.Formatting;

public sealed class CasingTests
{
    [Theory]
    [InlineData("i think i'm right and i'll go", "I think I'm right and I'll go")]
    [InlineData("i've seen what i'd do", "I've seen what I'd do")]
    [InlineData("see you on monday in january", "See you on Monday in January")]
    [InlineData("in march we march", "In march we march")]
    [InlineData("mister john dashwood and mrs smith", "Mr. John dashwood and Mrs. Smith")]
    [InlineData("ms. garcia", "Ms. Garcia")]
    [InlineData("call mr jones", "Call Mr. Jones")]
    [InlineData("the mister", "The mister")]
    public void Written_CapitalisesIAndCalendarNames(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Fact]
    public void Format_EverySentenceStartsWithACapital() =>
        Assert.Equal("It rained. Then it stopped.", SpokenWords.Format("it rained | then it stopped"));

    [Fact]
    public void Format_FormatTextOff_LeavesWordsAsRecognised() =>
        Assert.Equal("i have twenty five dollars.", SpokenWords.Format("i have twenty five dollars", WebApp.Transcription.Formatting.FormattingOptions.AssemblyAiDefaults with { FormatText = false }));

    [Fact]
    public void Format_EverythingOff_ReturnsTheRecognisedWords()
    {
        var options = new WebApp.Transcription.Formatting.FormattingOptions(false, false, true, false, []);

        Assert.Equal("i um have twenty five dollars", SpokenWords.Format("i um have twenty five dollars", options));
    }
}
