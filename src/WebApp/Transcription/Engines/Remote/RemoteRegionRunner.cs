using System.Net;
using System.Net.Http.Headers;
using System.Text;
using WebApp.Data.Entities;
using WebApp.Regions;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Engines.Remote;

/// <summary>
/// Runs a transcript in a remote region (a server speaking AssemblyAI's API): uploads the audio there (or passes a
/// remote audio_url on), creates the transcript with the request's options, and follows it until it completes or
/// fails. The upstream does the recognition and every step after it; the result comes back whole.
/// </summary>
public sealed class RemoteRegionRunner(
    UpstreamClient upstream, IRemoteWireFormat wire, TeamRegions teamRegions, RegionCatalog catalog, UpstreamSignals signals,
    TimeProvider clock, ILogger<RemoteRegionRunner> logger)
{
    /// <param name="audioPath">Our own upload of the audio, or null to let the upstream fetch <see cref="Transcript.AudioUrl"/>.</param>
    /// <param name="started">Called with the upstream's id once the transcript exists there, so it is saved before the wait.</param>
    /// <exception cref="RegionFailedException">The region refused or failed; the message is the transcript's error.</exception>
    public async Task<RemoteTranscript> RunAsync(
        Region region, Transcript transcript, TranscriptOptions options, string? audioPath, Func<string, Task> started, CancellationToken cancellationToken)
    {
        var apiKey = await teamRegions.UpstreamKeyAsync(transcript.TeamId, region.Name, cancellationToken)
            ?? throw new RegionFailedException($"Region \"{region.Name}\" has no API key for this team any more; a team admin can set one under Regions.");

        signals.Watch(transcript.Id);
        try
        {
            return await CreateAndFollowAsync(region, apiKey, transcript, options, audioPath, started, cancellationToken);
        }
        finally
        {
            signals.Forget(transcript.Id);
        }
    }

    private async Task<RemoteTranscript> CreateAndFollowAsync(
        Region region, string apiKey, Transcript transcript, TranscriptOptions options, string? audioPath, Func<string, Task> started, CancellationToken cancellationToken)
    {
        // After a restart the job resumes following what it already created, rather than sending the audio twice.
        var upstreamId = transcript.UpstreamTranscriptId;
        if (upstreamId is null)
        {
            var audioUrl = audioPath is null ? transcript.AudioUrl : await UploadAsync(region, apiKey, audioPath, cancellationToken);
            var body = wire.TranscriptRequest(options, audioUrl, WebhookFor(transcript));
            var created = await upstream.SendAsync(region, apiKey, () => new HttpRequestMessage(HttpMethod.Post, "v2/transcript")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            }, cancellationToken);
            upstreamId = Read(region, created.Body).Id;
            await started(upstreamId);
            logger.LogInformation("Transcript {TranscriptId} created in region {Region} as {UpstreamId}", transcript.Id, region.Name, upstreamId);
        }

        return await FollowAsync(region, apiKey, transcript.Id, upstreamId, cancellationToken);
    }

    /// <summary>Deletes the upstream's copy (DELETE /v2/transcript/{id}); one it no longer has counts as deleted.</summary>
    /// <exception cref="RegionFailedException">The region refused or did not answer.</exception>
    public async Task DeleteAsync(Transcript transcript, CancellationToken cancellationToken)
    {
        if (transcript.UpstreamTranscriptId is not { } upstreamId || catalog.Find(transcript.Region) is not { IsRemote: true } region)
        {
            return;
        }

        var apiKey = await teamRegions.UpstreamKeyAsync(transcript.TeamId, region.Name, cancellationToken)
            ?? throw new RegionFailedException($"Region \"{region.Name}\" has no API key for this team, so its copy of the transcript cannot be deleted there.");
        await upstream.SendAsync(region, apiKey, () => new HttpRequestMessage(HttpMethod.Delete, $"v2/transcript/{Uri.EscapeDataString(upstreamId)}"),
            cancellationToken, HttpStatusCode.NotFound);
    }

    private async Task<string> UploadAsync(Region region, string apiKey, string audioPath, CancellationToken cancellationToken)
    {
        var answer = await upstream.SendAsync(region, apiKey, () =>
        {
            var content = new StreamContent(File.OpenRead(audioPath));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return new HttpRequestMessage(HttpMethod.Post, "v2/upload") { Content = content };
        }, cancellationToken);
        try
        {
            return wire.ReadUploadUrl(answer.Body);
        }
        catch (FormatException ex)
        {
            throw new RegionFailedException($"Region \"{region.Name}\" answered the upload without an upload_url.", ex);
        }
    }

    /// <summary>Polls with a growing interval (or wakes on the upstream's webhook) until the transcript ends, within MaxWaitMinutes.</summary>
    private async Task<RemoteTranscript> FollowAsync(Region region, string apiKey, Guid transcriptId, string upstreamId, CancellationToken cancellationToken)
    {
        var settings = catalog.SettingsOf(region.Name);
        var deadline = clock.GetUtcNow() + TimeSpan.FromMinutes(settings.MaxWaitMinutes);
        var interval = TimeSpan.FromSeconds(settings.PollSeconds);
        // With a webhook on its way, polling is only the fallback.
        var maxInterval = TimeSpan.FromSeconds(catalog.PublicUrl is null ? settings.MaxPollSeconds : Math.Max(settings.MaxPollSeconds, 60));
        while (true)
        {
            var answer = await upstream.SendAsync(region, apiKey, () => new HttpRequestMessage(HttpMethod.Get, $"v2/transcript/{Uri.EscapeDataString(upstreamId)}"), cancellationToken);
            var remote = Read(region, answer.Body);
            switch (remote.Status)
            {
                case "completed":
                    return remote;
                case "error":
                    throw new RegionFailedException($"Region \"{region.Name}\": {remote.Error ?? "the transcript failed there."}");
            }

            if (clock.GetUtcNow() + interval > deadline)
            {
                throw new RegionFailedException($"Region \"{region.Name}\" did not finish the transcript within {settings.MaxWaitMinutes} minutes (still {remote.Status}); giving up.");
            }

            await signals.WaitAsync(transcriptId, interval, cancellationToken);
            interval = TimeSpan.FromSeconds(Math.Min(interval.TotalSeconds * 1.5, maxInterval.TotalSeconds));
        }
    }

    private UpstreamWebhook? WebhookFor(Transcript transcript) =>
        catalog.PublicUrl is { } publicUrl ? signals.WebhookFor(publicUrl, transcript.Id) : null;

    private RemoteTranscript Read(Region region, string body)
    {
        try
        {
            return wire.ReadTranscript(body);
        }
        catch (FormatException ex)
        {
            throw new RegionFailedException($"Region \"{region.Name}\" answered with something that is not a transcript.", ex);
        }
    }
}
