using Microsoft.EntityFrameworkCore.Diagnostics;
using WebApp.Cluster;

namespace WebApp.Accounts;

public static class ApiKeyCacheExtensions
{
    /// <summary>
    /// The API-key cache and what keeps it honest. A single server (role "All", no Redis) uses it from the start; a
    /// cluster node only while it hears the other nodes through Redis; a web node without Redis never, since it cannot
    /// hear another node revoke a key.
    /// </summary>
    public static void AddApiKeyCache(this IHostApplicationBuilder builder)
    {
        var cluster = ClusterOptions.From(builder.Configuration);
        var clustered = cluster.Redis is { Length: > 0 };
        builder.Services.AddSingleton(sp => new ApiKeyCache(sp.GetRequiredService<TimeProvider>()) { Enabled = !clustered && cluster.Role == NodeRole.All });
        builder.Services.AddSingleton<ApiKeyWritesInterceptor>();
        builder.Services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<ApiKeyWritesInterceptor>());
        if (clustered)
        {
            builder.Services.AddHostedService<RedisApiKeyChanges>();
        }
    }
}
