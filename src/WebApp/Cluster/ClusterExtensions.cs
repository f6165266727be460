using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace WebApp.Cluster;

public static class ClusterExtensions
{
    /// <summary>
    /// The node's role and, with Verbatim:Cluster:Redis, the Redis connection: SignalR's backplane (hub clients on
    /// every web node) and the channel of job events (see Transcription/Events/RedisTranscriptEvents). Data
    /// Protection keys need nothing more: they are in the data directory, which the nodes share.
    /// </summary>
    public static void AddCluster(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DataProtectionKeyWarmUp>();

        if (ClusterOptions.From(builder.Configuration).Redis is not { Length: > 0 } redis)
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(redis);
        // Start even while Redis is down, and reconnect by itself: live status pauses, jobs and the API go on.
        configuration.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration.Clone()));
        services.AddSignalR().AddStackExchangeRedis(options =>
        {
            options.Configuration = configuration.Clone();
            options.Configuration.ChannelPrefix = RedisChannel.Literal("verbatim-signalr");
        });
    }

    /// <summary>A worker serves only its health check: the browser app and the API are the web nodes'.</summary>
    public static bool ServesWeb(this IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClusterOptions>>().Value.ServesWeb;

    /// <summary>
    /// Makes the Data Protection key at start-up rather than at the first sign-in, so that the nodes started after
    /// the first one find its key in the shared directory instead of each making one of its own at the same moment.
    /// </summary>
    private sealed class DataProtectionKeyWarmUp(IDataProtectionProvider dataProtection) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            dataProtection.CreateProtector("Verbatim.Cluster.WarmUp").Protect("key");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
