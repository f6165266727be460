using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace WebApp.Tests.Infrastructure;

/// <summary>A hub client's view of live status: every TranscriptChanged it received, in order.</summary>
public sealed class TranscriptWatcher : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonElement> changes = new();
    private readonly HubConnection connection;

    private TranscriptWatcher(HubConnection connection)
    {
        this.connection = connection;
        connection.On<JsonElement>("TranscriptChanged", change => changes.Enqueue(change.Clone()));
    }

    public HubConnection Connection => connection;

    public static async Task<TranscriptWatcher> StartAsync(BrowserSession browser, Uri? node = null)
    {
        var watcher = new TranscriptWatcher(browser.ConnectToTranscriptHub(node));
        await watcher.connection.StartAsync();
        return watcher;
    }

    /// <summary>The changes seen for one transcript, as (status, progress).</summary>
    public IReadOnlyList<(string Status, int Progress)> For(string transcriptId) => changes
        .Where(c => c.GetProperty("transcriptId").GetString() == transcriptId)
        .Select(c => (c.GetProperty("status").GetString()!, c.GetProperty("progress").GetInt32()))
        .ToList();

    public IReadOnlyList<JsonElement> All => [.. changes];

    /// <summary>Waits until the transcript's status is <paramref name="status"/> (its last change says so).</summary>
    public async Task<JsonElement> WaitForAsync(string transcriptId, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(180));
        while (DateTime.UtcNow < deadline)
        {
            var last = changes.LastOrDefault(c => c.GetProperty("transcriptId").GetString() == transcriptId);
            if (last.ValueKind != JsonValueKind.Undefined && last.GetProperty("status").GetString() == status)
            {
                return last;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"transcript {transcriptId} never reached {status}; seen: {string.Join(", ", For(transcriptId))}");
    }

    public async ValueTask DisposeAsync() => await connection.DisposeAsync();
}
