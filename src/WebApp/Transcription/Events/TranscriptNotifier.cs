namespace WebApp.Transcription.Events;

/// <summary>
/// Per-team subscriptions for Blazor components in this process (eShop's OrderStatusNotificationService): a page
/// subscribes after its first render, marshals each change onto its renderer with InvokeAsync, and disposes the
/// subscription with itself.
/// </summary>
public sealed class TranscriptNotifier(ILogger<TranscriptNotifier> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, HashSet<Subscription>> subscriptionsByTeam = [];

    public IDisposable Subscribe(Guid teamId, Func<TranscriptChange, Task> onChange)
    {
        var subscription = new Subscription(this, teamId, onChange);
        lock (gate)
        {
            if (!subscriptionsByTeam.TryGetValue(teamId, out var subscriptions))
            {
                subscriptions = subscriptionsByTeam[teamId] = [];
            }

            subscriptions.Add(subscription);
        }

        return subscription;
    }

    public async Task NotifyAsync(TranscriptChange change)
    {
        Subscription[] subscribers;
        lock (gate)
        {
            subscribers = subscriptionsByTeam.TryGetValue(change.TeamId, out var subscriptions) ? [.. subscriptions] : [];
        }

        // Every handler is started before any is awaited, so each page receives changes in the order they were sent.
        var deliveries = subscribers.Select(s => DeliverAsync(s, change)).ToArray();
        await Task.WhenAll(deliveries);
    }

    private async Task DeliverAsync(Subscription subscription, TranscriptChange change)
    {
        try
        {
            await subscription.OnChange(change);
        }
        catch (Exception ex)
        {
            // One broken page (a circuit going away mid-update) must not keep the change from the others.
            logger.LogDebug(ex, "A subscriber failed to take the change of {TranscriptId}", change.TranscriptId);
        }
    }

    private void Unsubscribe(Subscription subscription)
    {
        lock (gate)
        {
            if (subscriptionsByTeam.TryGetValue(subscription.TeamId, out var subscriptions) && subscriptions.Remove(subscription) && subscriptions.Count == 0)
            {
                subscriptionsByTeam.Remove(subscription.TeamId);
            }
        }
    }

    private sealed class Subscription(TranscriptNotifier owner, Guid teamId, Func<TranscriptChange, Task> onChange) : IDisposable
    {
        public Guid TeamId => teamId;

        public Func<TranscriptChange, Task> OnChange => onChange;

        public void Dispose() => owner.Unsubscribe(this);
    }
}
