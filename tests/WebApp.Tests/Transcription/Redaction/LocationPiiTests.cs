using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class LocationPiiTests
{
    [Theory]
    [InlineData("i live at one two three main street", "123 main street")]
    [InlineData("it's on four fifty elm avenue", "four 50 elm avenue")]
    [InlineData("we're on forty two park avenue apartment five", "42 park avenue apartment five")]
    [InlineData("the office is on fifth avenue", "fifth avenue")]
    [InlineData("turn onto martin luther king boulevard", "martin luther king boulevard")]
    [InlineData("take route sixty six", "route 66")]
    public void StreetAddresses(string script, string address) =>
        Assert.Equal([$"location: {address}"], SpokenPii.Found(script, PiiPolicy.Location));

    [Theory]
    [InlineData("i moved to texas last year", "texas")]
    [InlineData("she lives in new york city", "new york city")]
    [InlineData("we flew from canada to mexico", "canada", "mexico")]
    [InlineData("i grew up in turkey", "turkey")]
    [InlineData("the office in san francisco", "san francisco")]
    [InlineData("we love texas's weather", "texas's")]
    public void PlaceNames(string script, params string[] places) =>
        Assert.Equal(places.Select(p => $"location: {p}"), SpokenPii.Found(script, PiiPolicy.Location));

    [Fact]
    public void ZipCodes_AfterAPlaceOrCue() =>
        Assert.Equal(["location: california", "location: 90210"], SpokenPii.Found("beverly hills california nine zero two one zero", PiiPolicy.Location));

    [Theory]
    [InlineData("we ate turkey for dinner")]
    [InlineData("the china cabinet")]
    [InlineData("across the street")]
    [InlineData("a busy street")]
    [InlineData("it was a long drive")]
    [InlineData("there is only one way")]
    [InlineData("charlotte said hello")]
    public void Locations_NotEverydayWords(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.Location));
}
