using System.Net;
using WebApp.Infrastructure;

namespace WebApp.Tests.Infrastructure;

/// <summary>The outbound address rule for user-given URLs (SSRF): special ranges, IPv4 written oddly, redirects, proxies.</summary>
public sealed class PublicAddressTests : IDisposable
{
    private readonly HostileHttpServer target = new(IPAddress.Any);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // cloud metadata
    [InlineData("100.64.0.1")] // CGNAT
    [InlineData("198.18.0.1")] // benchmarking
    [InlineData("198.19.255.254")]
    [InlineData("192.0.0.8")] // IETF protocol assignments
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped
    [InlineData("::7f00:1")] // IPv4-compatible ::127.0.0.1
    [InlineData("::a9fe:a9fe")] // IPv4-compatible metadata address
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 of 169.254.169.254
    [InlineData("64:ff9b::808:808")] // NAT64 of a public address: the gateway is what is reached
    [InlineData("2002:7f00:1::1")] // 6to4 of 127.0.0.1
    [InlineData("2001:0:4136:e378::1")] // Teredo
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    public void IsPublic_SpecialPurposeAddress_IsFalse(string address) =>
        Assert.False(PublicAddressHandler.IsPublic(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("198.20.0.1")]
    [InlineData("192.0.1.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsPublic_PublicAddress_IsTrue(string address) =>
        Assert.True(PublicAddressHandler.IsPublic(IPAddress.Parse(address)), address);

    [Fact]
    public async Task Resolve_UnresolvableAndPrivateNames_GiveTheSameWords()
    {
        var unresolvable = await Assert.ThrowsAsync<HttpRequestException>(() => AddressPolicy.PublicOnly.ResolveAsync("no-such-host.invalid", CancellationToken.None));
        var loopback = await Assert.ThrowsAsync<HttpRequestException>(() => AddressPolicy.PublicOnly.ResolveAsync("localhost", CancellationToken.None));

        Assert.Equal(AddressPolicy.UnreachableMessage("no-such-host.invalid"), unresolvable.Message);
        Assert.Equal(AddressPolicy.UnreachableMessage("localhost"), loopback.Message);
    }

    [Theory]
    [InlineData("2130706433")] // decimal 127.0.0.1
    [InlineData("0x7f000001")] // hex
    [InlineData("0177.0.0.1")] // octal
    [InlineData("127.1")] // short form
    [InlineData("[::ffff:7f00:1]")]
    [InlineData("localhost")]
    public async Task Get_LoopbackWrittenAnyWay_IsRefusedBeforeConnecting(string host)
    {
        using var client = new HttpClient(PublicAddressHandler.Create(AddressPolicy.PublicOnly, TimeSpan.FromSeconds(5)));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://{host}:{target.Port}/audio.mp3"));

        Assert.Contains("does not resolve to a public internet address", error.Message);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task Get_RedirectToAPrivateAddress_IsRefusedAndNeverReachesIt()
    {
        // 127.0.0.1 stands in for a public host (allowed by the operator); 127.0.0.2 is the internal one.
        var policy = new AddressPolicy(false, [IPNetwork.Parse("127.0.0.1/32")]);
        using var client = new HttpClient(PublicAddressHandler.Create(policy, TimeSpan.FromSeconds(5)));

        var allowedHop = await client.GetAsync(target.Url("/redirect?to=" + Uri.EscapeDataString(target.Url("/fine"))));
        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            client.GetAsync(target.Url("/redirect?to=" + Uri.EscapeDataString(target.Url("/internal", host: "127.0.0.2")))));

        Assert.Equal(HttpStatusCode.OK, allowedHop.StatusCode);
        Assert.Contains("127.0.0.2 does not resolve to a public internet address", error.Message);
        Assert.DoesNotContain(target.Requests, r => r.StartsWith("GET /internal", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_NeverUsesAProxyFromTheEnvironment()
    {
        using var handler = PublicAddressHandler.Create(AddressPolicy.PublicOnly, TimeSpan.FromSeconds(5));

        Assert.False(handler.UseProxy);
    }

    public void Dispose() => target.Dispose();
}
