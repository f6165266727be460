using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class DatePiiTests
{
    [Theory]
    [InlineData("the meeting is on march fifth", "March 5th")]
    [InlineData("we met on december eighteenth twenty twenty", "December 18th, 2020")]
    [InlineData("it was the fifth of june", "5th of June")]
    [InlineData("due january ten", "January 10")]
    public void Dates(string script, string date) =>
        Assert.Equal([$"date: {date}"], SpokenPii.Found(script, PiiPolicy.Date));

    [Theory]
    [InlineData("i was born on march seventh nineteen sixty one", "March 7th, 1961")]
    [InlineData("my birthday is july fourth", "July 4th")]
    [InlineData("date of birth the ninth of may nineteen eighty", "9th of May 1980")]
    [InlineData("she was born in nineteen ninety", "1990")]
    public void DatesOfBirth(string script, string date) =>
        Assert.Equal([$"date_of_birth: {date}"], SpokenPii.Found(script, PiiPolicy.DateOfBirth));

    [Theory]
    [InlineData("back in january nineteen eighty four", "January 1984")]
    [InlineData("since twenty ten", "2010")]
    [InlineData("from nineteen ninety to nineteen ninety five", "1990 to 1995")]
    [InlineData("we'll start in may", "may")]
    [InlineData("back in the nineteen sixties", "1960s")]
    public void DateIntervals(string script, string interval) =>
        Assert.Equal([$"date_interval: {interval}"], SpokenPii.Found(script, PiiPolicy.DateInterval));

    [Theory]
    [InlineData("you may go now")]
    [InlineData("we march on")]
    [InlineData("the second time")]
    [InlineData("three thousand people")]
    public void Dates_NotOrdinaryWords(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.Date, PiiPolicy.DateInterval, PiiPolicy.DateOfBirth));
}
