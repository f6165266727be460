using WebApp.Transcription.Exports;

namespace WebApp.Tests.Transcription.Exports;

public sealed class SpeakerNamesTests
{
    [Fact]
    public void Display_WithoutAName_IsSpeakerAndTheLetter()
    {
        var names = SpeakerNames.Parse("""{"A":"Dana"}""");

        Assert.Equal("Dana", names.Display("A"));
        Assert.Equal("Speaker B", names.Display("B"));
        Assert.True(names.IsNamed("A"));
        Assert.False(names.IsNamed("B"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void Parse_NothingOrUnreadable_GivesNoNames(string? json) => Assert.Empty(SpeakerNames.Parse(json).All);

    [Fact]
    public void With_CleansTheName_AndABlankOrDefaultNameRemovesIt()
    {
        var names = SpeakerNames.Empty.With("A", "  Dana \t Scully\n").With("B", "Lee");
        Assert.Equal("Dana Scully", names.Display("A"));
        Assert.Equal("""{"A":"Dana Scully","B":"Lee"}""", names.ToJson());

        var cleared = names.With("A", "   ").With("B", "Speaker B");
        Assert.Empty(cleared.All);
        Assert.Null(cleared.ToJson());
        Assert.Equal("Dana Scully", names.Display("A"));
    }
}
