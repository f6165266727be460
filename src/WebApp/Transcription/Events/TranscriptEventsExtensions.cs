using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using WebApp.Cluster;

namespace WebApp.Transcription.Events;

public static class TranscriptEventsExtensions
{
    /// <summary>
    /// Live status: the hub, the in-process notifier for Blazor pages, and where the job's changes go: through Redis
    /// to every web node of a cluster (Verbatim:Cluster:Redis), to the web process's hub (Verbatim:Events:HubUrl, on a
    /// worker beside a single web process), or else to this process's own browsers.
    /// </summary>
    public static void AddTranscriptEvents(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSignalR();
        services.AddSingleton<TranscriptNotifier>();
        services.AddSingleton<TranscriptBroadcaster>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, EventsPublisherAuthenticationHandler>(EventsPublisherAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(TranscriptHub.ConnectPolicy, policy => policy
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, EventsPublisherAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(EventsPublisherAuthenticationHandler.PublisherPolicy, policy => policy
                .AddAuthenticationSchemes(EventsPublisherAuthenticationHandler.SchemeName)
                .RequireRole(EventsPublisherAuthenticationHandler.PublisherRole));

        var events = builder.Configuration.GetSection(EventsOptions.Section).Get<EventsOptions>() ?? new EventsOptions();
        var cluster = ClusterOptions.From(builder.Configuration);
        if (!string.IsNullOrEmpty(cluster.Redis))
        {
            services.AddSingleton<ITranscriptEvents, RedisTranscriptEvents>();
            if (cluster.ServesWeb)
            {
                services.AddHostedService<RedisTranscriptSubscriber>();
            }
        }
        else if (events.HubUrl is null)
        {
            services.AddSingleton<ITranscriptEvents>(sp => sp.GetRequiredService<TranscriptBroadcaster>());
        }
        else
        {
            services.AddSingleton<RemoteTranscriptEvents>();
            services.AddSingleton<ITranscriptEvents>(sp => sp.GetRequiredService<RemoteTranscriptEvents>());
            services.AddHostedService(sp => sp.GetRequiredService<RemoteTranscriptEvents>());
        }
    }

    public static void MapTranscriptHub(this IEndpointRouteBuilder app) => app.MapHub<TranscriptHub>(TranscriptHub.Path);
}
