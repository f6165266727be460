using System.Text.Json.Nodes;
using WebApp.Transcription.Formatting;

namespace WebApp.Tests.Transcription.Formatting;

public sealed class FormattingOptionsTests
{
    [Fact]
    public void FromRequest_NothingSaid_IsAssemblyAiDefaults() =>
        Assert.Equal(
            (true, true, false, false, 0),
            FromRequest(FormattingOptions.FromRequest(null, null, null, null, null)));

    [Fact]
    public void FromRequest_KeepsWhatWasSaid() =>
        Assert.Equal(
            (false, false, true, true, 1),
            FromRequest(FormattingOptions.FromRequest(false, false, true, true, [new(["a"], "b")])));

    [Fact]
    public void ReadCustomSpelling_AssemblyAiShape()
    {
        var (spellings, error) = CustomSpellingReader.Read(JsonNode.Parse("""[{"from": ["dicarlo", "di carlo"], "to": "Decarlo"}]""")!.AsArray());

        Assert.Null(error);
        var spelling = Assert.Single(spellings);
        Assert.Equal(["dicarlo", "di carlo"], spelling.From);
        Assert.Equal("Decarlo", spelling.To);
    }

    [Fact]
    public void ReadCustomSpelling_Null_IsNone() => Assert.Empty(CustomSpellingReader.Read(null).Spellings);

    [Theory]
    [InlineData("""["dicarlo"]""")]
    [InlineData("""[{"from": "dicarlo", "to": "Decarlo"}]""")]
    [InlineData("""[{"from": ["dicarlo"]}]""")]
    [InlineData("""[{"from": [1], "to": "Decarlo"}]""")]
    [InlineData("""[{"from": [], "to": "Decarlo"}]""")]
    [InlineData("""[{"from": ["dicarlo"], "to": ""}]""")]
    public void ReadCustomSpelling_WrongShape_IsAnError(string json) =>
        Assert.NotNull(CustomSpellingReader.Read(JsonNode.Parse(json)!.AsArray()).Error);

    private static (bool, bool, bool, bool, int) FromRequest(FormattingOptions options) =>
        (options.Punctuate, options.FormatText, options.Disfluencies, options.FilterProfanity, options.CustomSpelling.Count);
}
