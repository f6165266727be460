using WebApp.Regions;
using WebApp.Uploads;

namespace WebApp.Tests.Regions;

public sealed class RegionsOptionsTests
{
    [Theory]
    [InlineData("EU", "AssemblyAI", "https://api.eu.assemblyai.com", "lower-case letters")]
    [InlineData("v2", "AssemblyAI", "https://api.eu.assemblyai.com", "not v1, v2 or v3")]
    [InlineData("local", "AssemblyAI", "https://api.eu.assemblyai.com", "\"local\" is this server's own engines")]
    [InlineData("eu", "AssemblyAI", "api.eu.assemblyai.com", "BaseUrl must be an absolute http or https URL")]
    [InlineData("eu", "AssemblyAI", null, "BaseUrl must be an absolute http or https URL")]
    [InlineData("office", "Local", "https://office.example.com", "a Local region has no BaseUrl")]
    public void Invalid_Region_FailsNamingIt(string name, string kind, string? baseUrl, string expected)
    {
        var options = new RegionsOptions { Regions = { [name] = new RegionSettings { Kind = Enum.Parse<RegionKind>(kind), BaseUrl = baseUrl } } };
        var result = new RegionsOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains($"Verbatim:Regions:{name}", result.FailureMessage);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void Valid_Regions_Pass_AndLocalAlwaysExists()
    {
        var options = new RegionsOptions { Regions = { ["eu"] = new RegionSettings { Kind = RegionKind.AssemblyAI, BaseUrl = "https://api.eu.assemblyai.com" } } };
        Assert.True(new RegionsOptionsValidator().Validate(null, options).Succeeded);
        var catalog = new RegionCatalog(Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(new WebApp.Infrastructure.VerbatimOptions()));
        Assert.Equal(["local", "eu"], catalog.All.Select(r => r.Name));
        Assert.Equal(new Uri("https://api.eu.assemblyai.com/"), catalog.Find("eu")!.BaseUrl);
    }

    [Theory]
    [InlineData("https://api.eu.assemblyai.com", null, "https://streaming.eu.assemblyai.com/")]
    [InlineData("https://api.assemblyai.com", null, "https://streaming.assemblyai.com/")]
    [InlineData("http://verbatim.berlin.example.com:5000", null, "http://verbatim.berlin.example.com:5000/")]
    [InlineData("https://api.eu.assemblyai.com", "https://stream.example.com/", "https://stream.example.com/")]
    public void StreamingUrl_IsAssemblyAIsStreamingHost_OrTheBaseUrl_UnlessConfigured(string baseUrl, string? configured, string expected)
    {
        var options = new RegionsOptions { Regions = { ["eu"] = new RegionSettings { Kind = RegionKind.AssemblyAI, BaseUrl = baseUrl, StreamingUrl = configured } } };
        Assert.True(new RegionsOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new Uri(expected), new RegionCatalog(Microsoft.Extensions.Options.Options.Create(options), Microsoft.Extensions.Options.Options.Create(new WebApp.Infrastructure.VerbatimOptions())).Find("eu")!.StreamingUrl);
    }

    [Theory]
    [InlineData("http://host/v2/upload/6f9619ff-8b86-d011-b42d-00cf4fc964ff", true)]
    [InlineData("http://host/eu/v2/upload/6f9619ff-8b86-d011-b42d-00cf4fc964ff", true)]
    [InlineData("http://host/a/b/v2/upload/6f9619ff-8b86-d011-b42d-00cf4fc964ff", false)]
    [InlineData("http://host/eu/v2/upload/not-a-guid", false)]
    public void UploadUrls_AreRecognisedPlainOrUnderARegion(string url, bool isUpload) =>
        Assert.Equal(isUpload, UploadUrls.TryParse(new Uri(url), out _));
}
