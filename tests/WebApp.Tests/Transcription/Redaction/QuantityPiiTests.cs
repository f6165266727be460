using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class QuantityPiiTests
{
    [Theory]
    [InlineData("it cost twenty five dollars and fifty cents", "money_amount: $25.50")]
    [InlineData("they raised five million dollars", "money_amount: $5 million")]
    [InlineData("fifteen pesos", "money_amount: 15 pesos")]
    [InlineData("see you at three thirty p m", "time: 3:30 PM")]
    [InlineData("call at seven a m", "time: 7 AM")]
    [InlineData("it lasted eight months", "duration: eight months")]
    [InlineData("we waited two years", "duration: two years")]
    [InlineData("i'm forty five years old", "person_age: 45")]
    [InlineData("a woman aged seventy", "person_age: 70")]
    public void Quantities(string script, string found) =>
        Assert.Equal([found], SpokenPii.Found(script, PiiPolicy.MoneyAmount, PiiPolicy.Time, PiiPolicy.Duration, PiiPolicy.PersonAge));

    [Theory]
    [InlineData("one day we will win")]
    [InlineData("the first year was hard")]
    [InlineData("i have three cats")]
    [InlineData("at home")]
    public void Quantities_NotOrdinaryPhrases(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.MoneyAmount, PiiPolicy.Time, PiiPolicy.Duration, PiiPolicy.PersonAge));
}
