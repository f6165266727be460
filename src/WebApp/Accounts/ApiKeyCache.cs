using System.Collections.Concurrent;

namespace WebApp.Accounts;

/// <summary>What an API key's lookup found: who it acts for, and what decides per request whether it still may.</summary>
public sealed record ActiveApiKey(ApiKeyIdentity Identity, DateTime? LastUsedAt, DateTimeOffset? LockoutEnd);

/// <summary>
/// API-key lookups kept in memory by key hash, so that a request does not cost a database round trip before its own
/// work (it was most of a cached GET's time). Correctness rests on invalidation, not on expiry: every write the app
/// makes to the tables that decide a key's identity (keys, members, users, teams) empties the cache once it is
/// committed (<see cref="ApiKeyWritesInterceptor"/>), on every node of a cluster through Redis
/// (<see cref="RedisApiKeyChanges"/>), so a revoked key, a locked account or a changed role apply on the next
/// request. A lookup that raced a write is not kept (<see cref="Generation"/>). Entries also age out after
/// <see cref="MaxAge"/>, which only matters for changes made in the database behind the app's back.
/// </summary>
public sealed class ApiKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long generation;
    private volatile bool enabled;

    /// <summary>Raised after an invalidation that began in this process (a cluster passes it on).</summary>
    public event Action? Invalidated;

    /// <summary>
    /// Whether lookups may be kept: on a single server always; in a cluster only while this node hears the others'
    /// invalidations (see <see cref="ApiKeyCacheExtensions"/>). Turning it off empties the cache.
    /// </summary>
    public bool Enabled
    {
        get => enabled;
        set
        {
            lock (gate)
            {
                enabled = value;
                generation++;
                entries.Clear();
            }
        }
    }

    /// <summary>Read before a lookup's query and handed to <see cref="Store"/>: a change in between voids the result.</summary>
    public long Generation => Interlocked.Read(ref generation);

    public int Count => entries.Count;

    public ActiveApiKey? Find(string keyHash)
    {
        if (!enabled || !entries.TryGetValue(keyHash, out var entry))
        {
            return null;
        }

        if (clock.GetUtcNow() - entry.LoadedAt < MaxAge)
        {
            return entry.Key;
        }

        entries.TryRemove(new KeyValuePair<string, Entry>(keyHash, entry));
        return null;
    }

    public void Store(string keyHash, ActiveApiKey key, long generationBeforeQuery)
    {
        lock (gate)
        {
            if (enabled && generation == generationBeforeQuery)
            {
                entries[keyHash] = new Entry(key, clock.GetUtcNow());
            }
        }
    }

    /// <summary>Notes the "last used" time just written for a kept key, keeping the time its lookup was made.</summary>
    public void RecordUse(string keyHash, DateTime lastUsedAt, long generationBeforeWrite)
    {
        lock (gate)
        {
            if (enabled && generation == generationBeforeWrite && entries.TryGetValue(keyHash, out var entry))
            {
                entries[keyHash] = entry with { Key = entry.Key with { LastUsedAt = lastUsedAt } };
            }
        }
    }

    /// <summary>Forgets every lookup, here and (through <see cref="Invalidated"/>) on the cluster's other nodes.</summary>
    public void Invalidate()
    {
        InvalidateHere();
        Invalidated?.Invoke();
    }

    /// <summary>Forgets every lookup in this process only: another node's invalidation arriving.</summary>
    public void InvalidateHere()
    {
        lock (gate)
        {
            generation++;
            entries.Clear();
        }
    }

    private sealed record Entry(ActiveApiKey Key, DateTimeOffset LoadedAt);
}
