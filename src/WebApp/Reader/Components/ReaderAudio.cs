using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Reader;
using WebApp.Uploads;

namespace WebApp.Reader.Components;

/// <summary>What the reader's player plays, and a line for the person when it plays nothing or plays from elsewhere.</summary>
public sealed record ReaderAudio(string? Source, string? Note)
{
    /// <summary>
    /// Uploads play from the server's copy. A transcript of an audio_url has no copy (the job deletes its download),
    /// so its team's browsers play the original address; a share link never reveals that address, which may carry
    /// credentials (a signed storage URL).
    /// </summary>
    /// <param name="shareToken">The link the transcript is seen through, or null for its team.</param>
    public static ReaderAudio For(Transcript transcript, UploadStore uploads, RedactedAudioStore redactedAudio, string? shareToken)
    {
        if (ReaderEndpoints.PlayableAudioPath(transcript, uploads, redactedAudio) is not null)
        {
            var note = redactedAudio.Find(transcript.TeamId, transcript.Id) is null ? null : "Personal information is beeped out of this recording.";
            return new(shareToken is null ? ReaderEndpoints.AudioUrl(transcript.Id) : ReaderEndpoints.SharedAudioUrl(shareToken), note);
        }

        if (shareToken is null && transcript is { UploadId: null, DeletedAt: null }
            && Uri.TryCreate(transcript.AudioUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return new(transcript.AudioUrl, $"Playing from {url.Host}: Verbatim keeps no copy of audio it fetched from a web address.");
        }

        return new(null, shareToken is null ? "The recording is no longer available." : "The recording is not part of this shared transcript.");
    }
}
