using WebApp.Infrastructure;
namespace WebApp.Regions;

/// <summary>The region a request's base URL named (<c>/eu/v2/…</c>); absent for plain <c>/v2</c>.</summary>
public sealed record RequestedRegion(string Name);

/// <summary>
/// Recognises a configured region's name as the first path segment in front of /v2 or /v3 and moves it to PathBase,
/// so every /v2 endpoint serves under every region prefix unchanged and URLs built from PathBase keep it. Runs before
/// routing (registered as a startup filter, ahead of the routing WebApplication adds itself).
/// </summary>
public sealed class RegionPrefixMiddleware(RequestDelegate next, RegionCatalog catalog)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var end = path.IndexOf('/', 1);
        if (end > 1 && catalog.Find(path[1..end]) is { } region && IsApiPath(path.AsSpan(end)))
        {
            context.Request.PathBase = context.Request.PathBase.Add(path[..end]);
            context.Request.Path = path[end..];
            context.Features.Set(new RequestedRegion(region.Name));
        }

        return next(context);
    }

    private static bool IsApiPath(ReadOnlySpan<char> rest) =>
        rest.StartsWith("/v2/") || rest.SequenceEqual("/v2") || rest.StartsWith("/v3/") || rest.SequenceEqual("/v3");

    public sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<RegionPrefixMiddleware>();
            next(app);
        };
    }
}

public static class RequestedRegionExtensions
{
    /// <summary>The region the request's base URL named, or null for the team's default.</summary>
    public static string? RequestedRegion(this HttpContext context) => context.Features.Get<RequestedRegion>()?.Name;

    /// <summary>scheme://host plus the region prefix, so URLs the API returns stay under the base URL the client used.</summary>
    public static string ApiBaseUrl(this HttpRequest request) => ReverseProxy.PublicBaseUrl(request) + request.PathBase;
}
