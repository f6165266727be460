using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class AddressPiiTests
{
    [Theory]
    [InlineData("my email is john at gmail dot com", "john@gmail.com")]
    [InlineData("email me at jane dot doe at example dot org", "jane.doe@example.org")]
    [InlineData("send it to jane at example dot org", "jane at example.org")]
    public void EmailAddresses(string script, string email) =>
        Assert.Equal([$"email_address: {email}"], SpokenPii.Found(script, PiiPolicy.EmailAddress));

    [Theory]
    [InlineData("i will be at home")]
    [InlineData("look at google dot com")]
    [InlineData("we met at noon")]
    public void EmailAddresses_NotOrdinaryUsesOfAt(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.EmailAddress));

    [Theory]
    [InlineData("go to google dot com", "google.com")]
    [InlineData("visit www dot example dot org for more", "www.example.org")]
    public void WebAddresses(string script, string url) =>
        Assert.Equal([$"url: {url}"], SpokenPii.Found(script, PiiPolicy.Url));

    [Fact]
    public void WebAddresses_NotTheDotComBubble() =>
        Assert.Empty(SpokenPii.Found("the dot com bubble burst", PiiPolicy.Url));
}
