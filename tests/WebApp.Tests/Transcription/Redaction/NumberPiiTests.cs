using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class NumberPiiTests
{
    private const string VisaTestCard = "four one one one one one one one one one one one one one one one";

    [Theory]
    [InlineData("call me at four one five five five five one two three four", "415-555-1234")]
    [InlineData("my cell is one four one five five five five one two three four", "1-415-555-1234")]
    [InlineData("the number is five five five one two three four", "555-1234")]
    [InlineData("call four one five , five five five , one two three four", "415-555-1234")]
    [InlineData("phone four one five | five five five | one two three four", "415. 555. 1234")]
    public void PhoneNumbers(string script, string number) =>
        Assert.Equal([$"phone_number: {number}"], SpokenPii.Found(script, PiiPolicy.PhoneNumber));

    [Theory]
    [InlineData("i counted one two three")]
    [InlineData("there were twenty five people")]
    [InlineData("in nineteen ninety nine")]
    public void PhoneNumbers_NotInOrdinaryNumbers(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.PhoneNumber));

    [Theory]
    [InlineData("my card number is " + VisaTestCard, "4111111111111111")]
    [InlineData("it's three seven eight two eight two two four six three one zero zero zero five", "378282246310005")]
    [InlineData("five five five five , five five five five , five five five five , four four four four", "5555555555554444")]
    public void CreditCardNumbers_PassingLuhn(string script, string number) =>
        Assert.Equal([$"credit_card_number: {number}"], SpokenPii.Found(script, PiiPolicy.CreditCardNumber));

    [Theory]
    [InlineData("my card number is four one one one one one one one one one one one one one one two")]
    [InlineData("order one two three four five six seven eight nine zero one two three")]
    public void CreditCardNumbers_FailingLuhnOrPrefix_AreNotCards(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.CreditCardNumber));

    [Theory]
    [InlineData("my social security number is one two three four five six seven eight nine", "123456789")]
    [InlineData("ssn one two three , four five , six seven eight nine", "123456789")]
    public void SocialSecurityNumbers_AfterACue(string script, string number) =>
        Assert.Equal([$"us_social_security_number: {number}"], SpokenPii.Found(script, PiiPolicy.UsSocialSecurityNumber));

    [Theory]
    [InlineData("the code is one two three four five six seven eight nine")]
    [InlineData("my social security number is nine one two three four five six seven eight")]
    [InlineData("my social security number is six six six four five six seven eight nine")]
    public void SocialSecurityNumbers_WithoutCueOrImpossible_AreNot(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.UsSocialSecurityNumber));

    [Theory]
    [InlineData("my routing number is zero two one zero zero zero zero two one", "021000021")]
    [InlineData("the bank account number is one two three four five six seven eight", "12345678")]
    [InlineData("my checking account is nine eight seven six five four three two one zero", "987-654-3210")]
    public void BankingInformation_AfterABankingCue(string script, string number) =>
        Assert.Equal([$"banking_information: {number}"], SpokenPii.Found(script, PiiPolicy.BankingInformation));

    [Fact]
    public void BankingInformation_NotWithoutACue() =>
        Assert.Empty(SpokenPii.Found("i ran one two three four five six seven eight meters", PiiPolicy.BankingInformation));

    [Theory]
    [InlineData("my account number is one two three four five six", "123456")]
    [InlineData("policy number one zero zero four two nine nine two", "10042992")]
    [InlineData("member id four four five five six six", "445566")]
    public void AccountNumbers_AfterAnAccountCue(string script, string number) =>
        Assert.Equal([$"account_number: {number}"], SpokenPii.Found(script, PiiPolicy.AccountNumber));

    [Theory]
    [InlineData("the security code is one two three", "123")]
    [InlineData("cvv four five six seven", "4567")]
    public void CardSecurityCodes_AfterACue(string script, string code) =>
        Assert.Equal([$"credit_card_cvv: {code}"], SpokenPii.Found(script, PiiPolicy.CreditCardCvv));

    [Fact]
    public void CardSecurityCodes_NotWithoutACue() =>
        Assert.Empty(SpokenPii.Found("room one two three", PiiPolicy.CreditCardCvv));

    [Theory]
    [InlineData("the code is one two three four five", "12345")]
    [InlineData("reference a b c one two three four five six", "123456")]
    public void NumberSequences_FiveOrMoreDigits(string script, string digits) =>
        Assert.Equal([$"number_sequence: {digits}"], SpokenPii.Found(script, PiiPolicy.NumberSequence));

    [Theory]
    [InlineData("room one two three")]
    [InlineData("we sold three thousand units")]
    [InlineData("in twenty twenty")]
    [InlineData("it cost twelve thousand dollars")]
    public void NumberSequences_NotShortNumbersOrQuantities(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.NumberSequence));
}
