using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using WebApp.Transcription.Engines.Remote;

namespace WebApp.Regions;

public static class RegionsExtensions
{
    /// <summary>Configured regions (validated on start), a team's region settings, the base-URL prefix and the remote runner.</summary>
    public static void AddRegions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RegionsOptions>().BindConfiguration(RegionsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RegionsOptions>, RegionsOptionsValidator>();
        services.AddSingleton<RegionCatalog>();
        services.AddScoped<TeamRegions>();
        services.AddSingleton<UpstreamSignals>();
        services.AddTransient<IStartupFilter, RegionPrefixMiddleware.StartupFilter>();
        services.AddScoped<UpstreamClient>();
        services.AddScoped<RemoteRegionRunner>();
        // Region URLs come from the operator, not from users, so private addresses (another office's server) are allowed.
        services.AddHttpClient(UpstreamClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) });
    }

    /// <summary>The upstream's webhook: POST /regions/webhook/{id}, proven by the sealed token it was given.</summary>
    public static void MapRegions(this IEndpointRouteBuilder app)
    {
        // The refusal carries a body: a bare 404 would be re-executed as the app's not-found page, which refuses a POST with 400.
        app.MapPost("/regions/webhook/{transcriptId:guid}", (Guid transcriptId, HttpRequest request, UpstreamSignals signals) =>
                signals.Signal(transcriptId, request.Headers[UpstreamSignals.HeaderName].FirstOrDefault())
                    ? (Results<Ok, ProblemHttpResult>)TypedResults.Ok()
                    : TypedResults.Problem("No transcript here is waiting for this webhook.", statusCode: StatusCodes.Status404NotFound))
            .AllowAnonymous()
            .DisableAntiforgery();
    }
}
