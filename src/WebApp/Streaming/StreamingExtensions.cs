using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace WebApp.Streaming;

public static class StreamingExtensions
{
    /// <summary>Real-time transcription in AssemblyAI's v3 shape: temporary tokens, live sessions and their decoders.</summary>
    public static void AddStreaming(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StreamingOptions>().BindConfiguration(StreamingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StreamingTokens>();
        services.AddSingleton<StreamingSessions>();
        services.AddSingleton<LiveRecordings>();
        services.AddScoped<RegionStreamRelay>();
        services.AddSingleton(provider => new BatchPriority(provider.GetRequiredService<IOptions<StreamingOptions>>().Value.BatchNiceness));
        services.AddSingleton(provider => new LiveDecoders(
            provider.GetRequiredService<IOptions<PocketSphinxOptions>>().Value.ModelDirectory,
            provider.GetRequiredService<KeytermPronouncer>(),
            provider.GetRequiredService<IOptions<StreamingOptions>>().Value.WarmDecoders,
            provider.GetRequiredService<BatchPriority>(),
            provider.GetRequiredService<IOptions<StreamingOptions>>().Value.ForwardSearchOnly));
    }

    /// <summary>
    /// <c>GET /v3/token</c> (API key) and the <c>/v3/ws</c> WebSocket. Paths are relative to the app's path base, so a
    /// region prefix (<c>/eu/v3/ws</c>) set by a path-base middleware applies to them too.
    /// </summary>
    public static void MapStreaming(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapGet("/v3/token", StreamingTokenApi.CreateAsync)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .DisableAntiforgery()
            .WithTags("streaming");
        app.Map("/v3/ws", StreamingEndpoint.HandleAsync).DisableAntiforgery();
    }
}
