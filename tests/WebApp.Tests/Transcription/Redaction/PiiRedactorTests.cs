using WebApp.Tests.Transcription.Formatting;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class PiiRedactorTests
{
    [Fact]
    public void Redact_Hash_ReplacesLettersAndDigitsKeepingPunctuation() =>
        Assert.Equal("Call ###-###-####.", SpokenPii.Redacted("call four one five five five five one two three four", PiiPolicy.PhoneNumber));

    [Fact]
    public void Redact_Hash_KeepsEveryWordAndItsTiming()
    {
        var words = SpokenPii.Formatted("my name is john smith");

        var redacted = PiiRedactor.Redact(words, [PiiPolicy.PersonName], PiiSubstitution.Hash).Words;

        Assert.Equal(words.Select(w => (w.Start, w.End)), redacted.Select(w => (w.Start, w.End)));
        Assert.Equal(["My", "name", "is", "####", "#####."], redacted.Select(w => w.Text));
    }

    [Fact]
    public void Redact_EntityName_OneWordPerEntityWithItsPunctuation()
    {
        var words = SpokenPii.Formatted("my name is john smith");

        var redacted = PiiRedactor.Redact(words, [PiiPolicy.PersonName], PiiSubstitution.EntityName).Words;

        Assert.Equal("My name is [PERSON_NAME].", TranscriptFormatter.JoinText(redacted));
        Assert.Equal((words[3].Start, words[4].End), (redacted[3].Start, redacted[3].End));
    }

    [Fact]
    public void Redact_ReportsEntitiesWithTimesAndOriginalText()
    {
        var words = SpokenPii.Formatted("call four one five five five five one two three four now");

        var entity = Assert.Single(PiiRedactor.Redact(words, [PiiPolicy.PhoneNumber], PiiSubstitution.Hash).Entities);

        Assert.Equal(new PiiEntity(PiiPolicy.PhoneNumber, words[1].Start, words[1].End, "415-555-1234"), entity);
    }

    [Fact]
    public void Redact_OnlyTheRequestedPolicies()
    {
        const string Script = "my name is john smith and my number is four one five five five five one two three four";

        Assert.Equal(["phone_number: 415-555-1234"], SpokenPii.Found(Script, PiiPolicy.PhoneNumber));
        Assert.Equal(["person_name: john smith"], SpokenPii.Found(Script, PiiPolicy.PersonName));
    }

    [Fact]
    public void Redact_UnsupportedPolicy_Throws() =>
        Assert.Throws<ArgumentException>(() => PiiRedactor.Redact(SpokenPii.Formatted("hello"), ["passport_number"], PiiSubstitution.Hash));

    [Fact]
    public void Redact_NoPii_LeavesWordsAsTheyWere()
    {
        var words = SpokenPii.Formatted("the weather was lovely and we walked to the park");

        var result = PiiRedactor.Redact(words, [.. PiiPolicy.Supported], PiiSubstitution.Hash);

        Assert.Equal(words, result.Words);
        Assert.Empty(result.Entities);
    }

    [Fact]
    public void Redact_UnformattedWords_StillFindsSpokenNumbers()
    {
        var words = TranscriptFormatter.Format(SpokenWords.From("call four one five five five five one two three four"), new FormattingOptions(false, false, true, false, []));

        var result = PiiRedactor.Redact(words, [PiiPolicy.PhoneNumber], PiiSubstitution.Hash);

        Assert.Equal("call #### ### #### #### #### #### ### ### ##### ####", TranscriptFormatter.JoinText(result.Words));
    }

    [Fact]
    public void Redact_OverlappingClaims_TheMoreSpecificWins() =>
        Assert.Equal(["phone_number: 415-555-1234"], SpokenPii.Found("call four one five five five five one two three four", PiiPolicy.PhoneNumber, PiiPolicy.NumberSequence));

    [Fact]
    public void Redact_DateOfBirthAskedOnlyAsDate_IsRedactedAsADate() =>
        Assert.Equal(["date: March 5th, 1990"], SpokenPii.Found("i was born on march fifth nineteen ninety", PiiPolicy.Date));

    [Fact]
    public void SupportedPolicies_AreAllAssemblyAiNames() =>
        Assert.Subset(PiiPolicy.AssemblyAiPolicies.ToHashSet(), PiiRedactor.SupportedPolicies.ToHashSet());

    [Theory]
    [InlineData("hash", PiiSubstitution.Hash)]
    [InlineData(null, PiiSubstitution.Hash)]
    [InlineData("entity_name", PiiSubstitution.EntityName)]
    public void Substitution_ParsesAssemblyAiNames(string? value, PiiSubstitution expected)
    {
        Assert.True(PiiSubstitutionNames.TryParse(value, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void Substitution_UnknownName_IsRejected() => Assert.False(PiiSubstitutionNames.TryParse("stars", out _));

    [Fact]
    public void Redact_KeepsSpeakerLabels()
    {
        List<Word> words = [new("I'm", 0, 300, 0.9, "A"), new("Jennifer.", 400, 700, 0.8, "A")];

        var redacted = PiiRedactor.Redact(words, [PiiPolicy.PersonName], PiiSubstitution.EntityName).Words;

        Assert.Equal(new Word("[PERSON_NAME].", 400, 700, 0.8, "A"), redacted[1]);
    }
}
