using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class VocabularyPiiTests
{
    [Theory]
    [InlineData("see you at thanksgiving", PiiPolicy.Event, "thanksgiving")]
    [InlineData("during the super bowl", PiiPolicy.Event, "super bowl")]
    [InlineData("see you on valentine's day", PiiPolicy.Event, "valentine's day")]
    [InlineData("she is catholic", PiiPolicy.Religion, "catholic")]
    [InlineData("he's a registered democrat", PiiPolicy.PoliticalAffiliation, "democrat")]
    [InlineData("i'm a lifelong conservative", PiiPolicy.PoliticalAffiliation, "conservative")]
    [InlineData("my sign is scorpio", PiiPolicy.ZodiacSign, "scorpio")]
    [InlineData("i'm a cancer", PiiPolicy.ZodiacSign, "cancer")]
    [InlineData("we are divorced", PiiPolicy.MaritalStatus, "divorced")]
    [InlineData("i'm single", PiiPolicy.MaritalStatus, "single")]
    [InlineData("she works as a nurse", PiiPolicy.Occupation, "nurse")]
    [InlineData("i speak french", PiiPolicy.Language, "french")]
    [InlineData("he speaks mandarin", PiiPolicy.Language, "mandarin")]
    [InlineData("my wife is french", PiiPolicy.Nationality, "french")]
    [InlineData("he is mexican", PiiPolicy.Nationality, "mexican")]
    [InlineData("the patient is female", PiiPolicy.GenderSexuality, "female")]
    public void Vocabulary(string script, string policy, string text) =>
        Assert.Equal([$"{policy}: {text}"], SpokenPii.Found(script, policy));

    [Theory]
    [InlineData("a conservative estimate", PiiPolicy.PoliticalAffiliation)]
    [InlineData("a liberal amount of salt", PiiPolicy.PoliticalAffiliation)]
    [InlineData("a single item", PiiPolicy.MaritalStatus)]
    [InlineData("the cancer spread", PiiPolicy.ZodiacSign)]
    [InlineData("i speak french", PiiPolicy.Nationality)]
    public void Vocabulary_NotOtherSensesOfTheWord(string script, string policy) =>
        Assert.Empty(SpokenPii.Found(script, policy));
}
