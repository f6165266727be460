using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace WebApp.Infrastructure;

/// <summary>
/// Settings under "Verbatim:ReverseProxy". X-Forwarded-For/-Proto/-Host are honoured only from the proxies listed
/// here (none by default). Links start with <see cref="PublicUrl"/> when it is set, never with whatever Host header a
/// client sent.
/// </summary>
public sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "Verbatim:ReverseProxy";

    /// <summary>Proxy addresses (e.g. 10.0.0.5) whose X-Forwarded-* headers are believed.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form (e.g. 10.0.0.0/24) whose X-Forwarded-* headers are believed.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownProxies: \"{proxy}\" is not an IP address.");
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownNetworks: \"{network}\" is not a network in CIDR form.");
        }
    }
}

public static class ReverseProxy
{
    public static void AddReverseProxy(this IHostApplicationBuilder builder)
    {
        builder.AddPublicUrl();
        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // ASP.NET Core trusts loopback by default; here only what the operator lists is trusted.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    public static void UseReverseProxy(this WebApplication app)
    {
        app.WarnOfDeprecatedName();
        var proxy = app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value;
        if (proxy.KnownProxies.Count > 0 || proxy.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }

    /// <summary>"https://host" links are built from: <see cref="PublicUrl.BaseFor"/>.</summary>
    public static string PublicBaseUrl(HttpRequest request) => PublicUrl.BaseFor(request);
}
