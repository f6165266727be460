using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class NumberChecksTests
{
    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("378282246310005", true)]
    [InlineData("5105105105105100", true)]
    [InlineData("6011111111111117", true)]
    [InlineData("79927398713", false)]
    [InlineData("1234567812345670", false)]
    public void IsCardNumber_LuhnAndNetworkPrefix(string digits, bool card) =>
        Assert.Equal(card, NumberChecks.IsCardNumber(digits));

    [Theory]
    [InlineData("79927398713", true)]
    [InlineData("79927398710", false)]
    public void PassesLuhn(string digits, bool valid) => Assert.Equal(valid, NumberChecks.PassesLuhn(digits));

    [Theory]
    [InlineData("123456789", true)]
    [InlineData("000456789", false)]
    [InlineData("666456789", false)]
    [InlineData("912456789", false)]
    [InlineData("123006789", false)]
    [InlineData("123450000", false)]
    [InlineData("12345678", false)]
    public void IsPossibleSsn(string digits, bool possible) => Assert.Equal(possible, NumberChecks.IsPossibleSsn(digits));
}
