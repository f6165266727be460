namespace WebApp.Tests.Transcription.Formatting;

public sealed class AddressFormattingTests
{
    [Theory]
    [InlineData("my email is john at gmail dot com", "My email is john@gmail.com")]
    [InlineData("email me at john dot smith at example dot org", "Email me at john.smith@example.org")]
    [InlineData("reach me at j underscore doe at mail dot co dot uk", "Reach me at j_doe@mail.co.uk")]
    public void Written_SpokenEmailAfterACue_IsAnAddress(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("go to google dot com", "Go to google.com")]
    [InlineData("look at google dot com now", "Look at google.com now")]
    [InlineData("visit www dot example dot org", "Visit www.example.org")]
    public void Written_SpokenWebAddress_IsWrittenAsOne(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("the dot com bubble", "The dot com bubble")]
    [InlineData("she was at home", "She was at home")]
    [InlineData("connect the dot to the line", "Connect the dot to the line")]
    public void Written_OrdinaryUsesOfAtAndDot_Stay(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Fact]
    public void Format_EmailAtSentenceStart_StaysLowerCase() =>
        Assert.Equal("Email. john@gmail.com.", SpokenWords.Format("email | john at gmail dot com"));
}
