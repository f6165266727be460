using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebApp.Infrastructure;

namespace WebApp.Tests.Infrastructure;

/// <summary>Verbatim:PublicUrl is the one public-address setting; its old name still works, and the two cannot disagree.</summary>
public sealed class PublicUrlTests
{
    [Fact]
    public void PublicUrl_IsRead() =>
        Assert.Equal("https://verbatim.example.org", Resolve(("Verbatim:PublicUrl", "https://verbatim.example.org/")).Configured());

    [Fact]
    public void TheDeprecatedName_StillSetsIt() =>
        Assert.Equal("https://old.example.org", Resolve(("Verbatim:ReverseProxy:PublicBaseUrl", "https://old.example.org")).Configured());

    [Fact]
    public void BothNames_Agreeing_AreAccepted() =>
        Assert.Equal("https://verbatim.example.org", Resolve(("Verbatim:PublicUrl", "https://verbatim.example.org"), ("Verbatim:ReverseProxy:PublicBaseUrl", "https://verbatim.example.org")).Configured());

    [Fact]
    public void BothNames_Disagreeing_StopStartUp()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(("Verbatim:PublicUrl", "https://a.example.org"), ("Verbatim:ReverseProxy:PublicBaseUrl", "https://b.example.org")));
        Assert.Contains("keep only Verbatim:PublicUrl", error.Message);
    }

    [Theory]
    [InlineData("verbatim.example.org")]
    [InlineData("ftp://verbatim.example.org")]
    [InlineData("https://verbatim.example.org/?a=b")]
    public void ABadUrl_StopsStartUp(string url) =>
        Assert.Contains("Verbatim:PublicUrl must be an absolute http(s) URL", Assert.Throws<OptionsValidationException>(() => Resolve(("Verbatim:PublicUrl", url))).Message);

    [Fact]
    public void Unset_MeansNone() => Assert.Null(Resolve().Configured());

    private static VerbatimOptions Resolve(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddOptions<VerbatimOptions>().BindConfiguration(VerbatimOptions.Section);
        builder.AddPublicUrl();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<VerbatimOptions>>().Value;
    }
}
