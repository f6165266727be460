using StackExchange.Redis;

namespace WebApp.Cluster;

public static class RedisOutage
{
    /// <summary>
    /// Whether <paramref name="failure"/> is the cluster's Redis being unreachable or too slow to answer (a timeout is
    /// not a <see cref="RedisException"/>), as opposed to a fault of ours.
    /// </summary>
    public static bool IsRedisOutage(this Exception failure) => failure is RedisException or RedisTimeoutException;
}
