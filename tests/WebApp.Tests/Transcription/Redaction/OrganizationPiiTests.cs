using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

public sealed class OrganizationPiiTests
{
    [Theory]
    [InlineData("i work at acme corporation", "acme corporation")]
    [InlineData("she was treated at northwest general hospital", "northwest general hospital")]
    [InlineData("he studied at the university of alaska", "university of alaska")]
    [InlineData("my account at bank of america", "bank of america")]
    [InlineData("i applied to google and microsoft", "google", "microsoft")]
    [InlineData("globex inc hired me", "Globex inc")]
    public void Organizations(string script, params string[] names) =>
        Assert.Equal(names.Select(n => $"organization: {n}"), SpokenPii.Found(script, PiiPolicy.Organization));

    [Theory]
    [InlineData("i went to the bank")]
    [InlineData("a big company")]
    [InlineData("back in high school")]
    [InlineData("my local hospital")]
    [InlineData("john's company is small")]
    [InlineData("she went to law school")]
    public void Organizations_NotGenericInstitutions(string script) =>
        Assert.Empty(SpokenPii.Found(script, PiiPolicy.Organization));
}
