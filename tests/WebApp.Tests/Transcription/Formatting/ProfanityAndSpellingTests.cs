using WebApp.Transcription.Formatting;

namespace WebApp.Tests.Transcription.Formatting;

public sealed class ProfanityAndSpellingTests
{
    private static readonly FormattingOptions Filtered = FormattingOptions.AssemblyAiDefaults with { FilterProfanity = true };

    [Theory]
    [InlineData("oh shit", "Oh s***.")]
    [InlineData("shit happens", "S*** happens.")]
    [InlineData("what the fuck", "What the f***.")]
    [InlineData("you bastard", "You b******.")]
    public void Format_FilterProfanity_MasksAllButTheFirstLetter(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Format(spoken, Filtered));

    [Theory]
    [InlineData("damn it", "Damn it.")]
    [InlineData("the class assessment", "The class assessment.")]
    [InlineData("a scunthorpe shitake", "A scunthorpe shitake.")]
    public void Format_FilterProfanity_LeavesMildAndInnocentWords(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Format(spoken, Filtered));

    [Fact]
    public void Format_FilterProfanityOff_LeavesProfanity() =>
        Assert.Equal("Oh shit.", SpokenWords.Format("oh shit"));

    [Fact]
    public void Format_CustomSpelling_ReplacesAWordKeepingPunctuation()
    {
        var options = FormattingOptions.AssemblyAiDefaults with { CustomSpelling = [new(["dicarlo"], "Decarlo")] };

        Assert.Equal("I met Decarlo.", SpokenWords.Format("i met dicarlo", options));
    }

    [Fact]
    public void Format_CustomSpelling_ReplacesAPhraseWithOneWord()
    {
        var options = FormattingOptions.AssemblyAiDefaults with { CustomSpelling = [new(["sequel server", "sql server"], "SQL Server")] };

        var words = TranscriptFormatter.Format(SpokenWords.From("we use sequel server daily"), options);

        Assert.Equal(["We", "use", "SQL Server", "daily."], words.Select(w => w.Text));
    }

    [Fact]
    public void Format_CustomSpelling_MatchesTheFormattedWords()
    {
        var options = FormattingOptions.AssemblyAiDefaults with { CustomSpelling = [new(["70"], "seventy")] };

        Assert.Equal("It is seventy degrees.", SpokenWords.Format("it is seventy degrees", options));
    }

    [Fact]
    public void Format_CustomSpelling_IgnoresCaseAndKeepsToExactly()
    {
        var options = FormattingOptions.AssemblyAiDefaults with { CustomSpelling = [new(["KUBERNETES"], "k8s")] };

        Assert.Equal("k8s is hard.", SpokenWords.Format("kubernetes is hard", options));
    }

    [Fact]
    public void Format_CustomSpelling_DoesNotMatchPartsOfWords()
    {
        var options = FormattingOptions.AssemblyAiDefaults with { CustomSpelling = [new(["cat"], "Kat")] };

        Assert.Equal("The category.", SpokenWords.Format("the category", options));
    }

    [Fact]
    public void Format_CustomSpelling_DoesNotRunAcrossASentenceEnd()
    {
        var options = FormattingOptions.AssemblyAiDefaults with { CustomSpelling = [new(["new york"], "NYC")] };

        Assert.Equal("I like new. York is old. NYC.", SpokenWords.Format("i like new | york is old | new york", options));
    }
}
