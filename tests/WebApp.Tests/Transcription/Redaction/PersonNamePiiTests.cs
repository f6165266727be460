using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class PersonNamePiiTests
{
    [Theory]
    [InlineData("my name is xavier quintanilla and i need help", "xavier quintanilla")]
    [InlineData("my name is sarah", "sarah")]
    [InlineData("hi my name is mohammed ali", "mohammed ali")]
    [InlineData("you can call me ishmael", "ishmael")]
    [InlineData("i spoke with mister okafor yesterday", "Okafor")]
    [InlineData("doctor patel will see you", "patel")]
    [InlineData("a guy named brent called", "brent")]
    public void Names_AfterACue_EvenIfUnlisted(string script, string name) =>
        Assert.Equal([$"person_name: {name}"], SpokenPii.Found(script, PiiPolicy.PersonName));

    [Theory]
    [InlineData("i talked to jennifer about it", "jennifer")]
    [InlineData("john smith is here", "John smith")]
    [InlineData("ask michael johnson", "michael johnson")]
    [InlineData("i saw will smith there", "will smith")]
    [InlineData("we hired garcia last year", "garcia")]
    [InlineData("that's john's car", "john's")]
    [InlineData("hello grace", "grace")]
    public void Names_FromTheLists(string script, string name) =>
        Assert.Equal([$"person_name: {name}"], SpokenPii.Found(script, PiiPolicy.PersonName));

    [Fact]
    public void Names_TwoPeople_TwoEntities() =>
        Assert.Equal(["person_name: Mary", "person_name: david"], SpokenPii.Found("mary and david came", PiiPolicy.PersonName));

    [Theory]
    [InlineData("my name is not important")]
    [InlineData("i will mark the date")]
    [InlineData("we hope you grace us with joy")]
    [InlineData("the doctor said to rest")]
    [InlineData("this is great news")]
    [InlineData("the young brown dog")]
    [InlineData("i am frank with you")]
    public void Names_NotEverydayWords(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.PersonName));

    [Fact]
    public void Names_StopAtAPause() =>
        Assert.Equal(["person_name: sarah"], SpokenPii.Found("my name is sarah , thanks for calling", PiiPolicy.PersonName));
}
