using Microsoft.AspNetCore.SignalR;

namespace WebApp.Transcription.Events;

/// <summary>
/// Hands a change to everyone watching in this web process: Blazor pages (through <see cref="TranscriptNotifier"/>)
/// and hub clients of the transcript's team. It is the in-process <see cref="ITranscriptEvents"/>, and also where
/// changes forwarded by worker processes end up (<see cref="TranscriptHub.Publish"/>).
/// </summary>
public sealed class TranscriptBroadcaster(
    TranscriptNotifier notifier, IHubContext<TranscriptHub, ITranscriptHubClient> hub, ILogger<TranscriptBroadcaster> logger) : ITranscriptEvents
{
    public void Publish(TranscriptChange change) => _ = BroadcastAsync(change);

    public async Task BroadcastAsync(TranscriptChange change)
    {
        try
        {
            // Both are started before either is awaited, so consecutive changes leave in the order they came.
            var pages = notifier.NotifyAsync(change);
            var hubClients = hub.Clients.Group(TranscriptHub.TeamGroup(change.TeamId)).TranscriptChanged(change);
            await Task.WhenAll(pages, hubClients);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not broadcast the change of {TranscriptId} to {Status}", change.TranscriptId, change.Status);
        }
    }
}
