using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using WebApp.Accounts;
using WebApp.Data;
using WebApp.Teams;

namespace WebApp.Transcription.Events;

/// <summary>What a hub client receives.</summary>
public interface ITranscriptHubClient
{
    Task TranscriptChanged(TranscriptChange change);
}

/// <summary>
/// /hubs/transcripts: live status for clients outside Blazor. A signed-in browser (Identity cookie) joins its team's
/// group and receives <see cref="ITranscriptHubClient.TranscriptChanged"/>; a worker process (the events secret,
/// see <see cref="EventsPublisherAuthenticationHandler"/>) calls <see cref="Publish"/> with the changes of the jobs
/// it runs, which this process then broadcasts.
/// </summary>
[Authorize(Policy = ConnectPolicy)]
public sealed class TranscriptHub(ApplicationDbContext db, TranscriptBroadcaster broadcaster) : Hub<ITranscriptHubClient>
{
    public const string Path = "/hubs/transcripts";

    /// <summary>Who may connect: a signed-in browser (Identity cookie) or a worker (events secret).</summary>
    public const string ConnectPolicy = "TranscriptHubConnect";

    public static string TeamGroup(Guid teamId) => $"team:{teamId}";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User!;
        if (user.IsInRole(EventsPublisherAuthenticationHandler.PublisherRole))
        {
            return;
        }

        // The active team when the connection opens; a client that switches teams reconnects (the page reloads).
        var membership = await db.FindActiveMembershipAsync(user.GetUserId(), Context.ConnectionAborted);
        if (membership is null)
        {
            // Signed in with a cookie of an account that no longer exists, or in no team.
            Context.Abort();
            return;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, TeamGroup(membership.TeamId), Context.ConnectionAborted);
    }

    [Authorize(Policy = EventsPublisherAuthenticationHandler.PublisherPolicy)]
    public Task Publish(TranscriptChange change) => broadcaster.BroadcastAsync(change);
}
