namespace WebApp.Tests.Transcription.Formatting;

public sealed class NumberFormattingTests
{
    [Theory]
    [InlineData("it was seventy", "It was 70")]
    [InlineData("two hundred and five people", "205 people")]
    [InlineData("two hundred five people", "205 people")]
    [InlineData("eight hundred five people", "805 people")]
    [InlineData("one hundred people", "100 people")]
    [InlineData("three thousand people", "3,000 people")]
    [InlineData("forty five thousand six hundred and twelve", "45,612")]
    [InlineData("twenty five hundred people", "2,500 people")]
    [InlineData("one hundred thousand", "100,000")]
    [InlineData("two million five hundred thousand", "2,500,000")]
    [InlineData("eleven players", "11 players")]
    [InlineData("twenty-five apples", "25 apples")]
    public void Cardinals_TenOrMore_AreWrittenInDigits(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("one of them said two or three things", "One of them said two or three things")]
    [InlineData("no one knows", "No one knows")]
    [InlineData("i have nine cats", "I have nine cats")]
    [InlineData("zero chance", "Zero chance")]
    [InlineData("five five", "Five five")]
    public void Cardinals_BelowTen_StayWords(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("it is seventy degrees", "It is 70 degrees")]
    [InlineData("it is five degrees", "It is 5 degrees")]
    [InlineData("we drove three miles", "We drove 3 miles")]
    [InlineData("it costs fifty cents", "It costs 50 cents")]
    public void Cardinals_BeforeAUnit_AreDigits(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("forty percent", "40%")]
    [InlineData("one percent of them", "1% of them")]
    [InlineData("three point five percent", "3.5%")]
    [InlineData("ten per cent", "10%")]
    public void Percentages(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("five dollars", "$5")]
    [InlineData("one dollar", "$1")]
    [InlineData("twenty five dollars and fifty cents", "$25.50")]
    [InlineData("three dollars five cents", "$3.05")]
    [InlineData("two thousand dollars", "$2,000")]
    [InlineData("five million dollars", "$5 million")]
    [InlineData("two point five billion dollars", "$2.5 billion")]
    public void Money(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("three point one four", "3.14")]
    [InlineData("zero point five", "0.5")]
    [InlineData("two point oh five", "2.05")]
    [InlineData("five million people", "5 million people")]
    public void DecimalsAndLargeRoundNumbers(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("the twenty first century", "The 21st century")]
    [InlineData("his thirty second birthday", "His 32nd birthday")]
    [InlineData("the eleventh hour", "The 11th hour")]
    [InlineData("the one hundredth time", "The 100th time")]
    [InlineData("the first time", "The first time")]
    [InlineData("wait a second", "Wait a second")]
    public void Ordinals(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("three thirty p m", "3:30 PM")]
    [InlineData("three thirty p.m.", "3:30 PM")]
    [InlineData("at seven a m", "At 7 AM")]
    [InlineData("ten oh five am", "10:05 AM")]
    [InlineData("seven o'clock", "7:00")]
    [InlineData("meet at three thirty", "Meet at 3:30")]
    [InlineData("until eleven fifteen", "Until 11:15")]
    public void ClockTimes(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("born in nineteen ninety nine", "Born in 1999")]
    [InlineData("nineteen eighty four was a book", "1984 was a book")]
    [InlineData("in twenty twenty", "In 2020")]
    [InlineData("twenty oh five", "2005")]
    [InlineData("in two thousand five", "In 2005")]
    [InlineData("since two thousand", "Since 2000")]
    [InlineData("in fifteen twenty", "In 1520")]
    [InlineData("in nineteen hundred", "In 1900")]
    [InlineData("in the nineteen sixties", "In the 1960s")]
    [InlineData("the year two thousand", "The year 2000")]
    [InlineData("two thousand people", "2,000 people")]
    public void Years(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("march fifth", "March 5th")]
    [InlineData("on may twenty first", "On May 21st")]
    [InlineData("january ten", "January 10")]
    [InlineData("the fifth of march", "The 5th of March")]
    [InlineData("june twenty twenty", "June 2020")]
    public void Dates(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Fact]
    public void Dates_WithYear_PutACommaBeforeTheYearWhenPunctuating() =>
        Assert.Equal("March 5th, 1990.", SpokenWords.Format("march fifth nineteen ninety"));

    [Theory]
    [InlineData("you may one day", "You may one day")]
    [InlineData("we march on", "We march on")]
    public void AmbiguousMonths_WithoutADay_StayWords(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Theory]
    [InlineData("four one five five five five one two three four", "415-555-1234")]
    [InlineData("one four one five five five five one two three four", "1-415-555-1234")]
    [InlineData("five five five one two three four", "555-1234")]
    [InlineData("five five five twelve thirty four", "555-1234")]
    [InlineData("room four oh two", "Room 402")]
    [InlineData("one two three four five", "12345")]
    [InlineData("double five seven", "557")]
    [InlineData("one eight hundred five five five zero one nine nine", "1-800-555-0199")]
    [InlineData("eight hundred five five five zero one nine nine", "800-555-0199")]
    public void DigitSequences(string spoken, string written) =>
        Assert.Equal(written, SpokenWords.Written(spoken));

    [Fact]
    public void DigitSequences_PausesBetweenGroups_StillOneNumber() =>
        Assert.Equal("Call 415-555-1234.", SpokenWords.Format("call four one five , five five five , one two three four"));

    [Fact]
    public void Numbers_NeverJoinAcrossASentenceEnd() =>
        Assert.Equal("I have 20. $5 is fine.", SpokenWords.Format("i have twenty | five dollars is fine"));
}
