using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace WebApp.Api.V2;

/// <summary>AssemblyAI's redacted_audio status (GET /v2/transcript/{id}/redacted-audio) and the file its URL serves.</summary>
public static class RedactedAudioApi
{
    /// <param name="Status">"redacted_audio_ready"; while the transcript is still being made, its status ("queued", "processing").</param>
    /// <param name="RedactedAudioUrl">Null until the file is ready.</param>
    public sealed record RedactedAudioResponse(string Status, string? RedactedAudioUrl);

    public static RouteGroupBuilder MapRedactedAudioApi(this RouteGroupBuilder v2)
    {
        v2.MapGet("/transcript/{transcriptId}/redacted-audio", Get).WithName("getRedactedAudio");
        // The URL itself is the credential, as AssemblyAI's pre-signed links are: clients fetch it without the API key.
        v2.MapGet("/redacted-audio/{fileName}", Download).AllowAnonymous().ExcludeFromDescription();
        return v2;
    }

    private static async Task<Results<JsonHttpResult<RedactedAudioResponse>, JsonHttpResult<ApiError>>> Get(
        string transcriptId, HttpContext http, ApplicationDbContext db, RedactedAudioStore store, RedactedAudioLinks links)
    {
        var teamId = http.User.GetTeamId();
        var transcript = Guid.TryParse(transcriptId, out var id)
            ? await db.Transcripts.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.TeamId == teamId, http.RequestAborted)
            : null;
        if (transcript is null)
        {
            return V2Json.Error(StatusCodes.Status404NotFound, "Transcript not found");
        }

        // 202 is "not ready yet" to AssemblyAI's SDKs (the Python SDK takes a 400 for "expired"). AssemblyAI documents
        // no body for it; this one keeps the ready answer's shape, with the transcript's status.
        if (transcript.Status is TranscriptStatus.Queued or TranscriptStatus.Processing && StoredOptions.Read(transcript).Redaction?.Audio is not null)
        {
            return TypedResults.Json(new RedactedAudioResponse(transcript.Status.Name(), null), V2Json.Options, statusCode: StatusCodes.Status202Accepted);
        }

        var unavailable = Unavailable(transcript);
        var file = unavailable is null ? store.Find(transcript.TeamId, transcript.Id) : null;
        if (file is not { } found)
        {
            return V2Json.Error(StatusCodes.Status400BadRequest, unavailable ?? "The redacted audio of this transcript could not be found.");
        }

        return V2Json.Ok(new RedactedAudioResponse("redacted_audio_ready", links.UrlFor(http.Request, transcript.Id, found.Format)));
    }

    /// <summary>Why the transcript has no redacted audio to give, or null if it should have.</summary>
    private static string? Unavailable(Transcript transcript)
    {
        // First: a deleted transcript keeps no options to tell whether it had redacted audio.
        if (transcript.DeletedAt is not null)
        {
            return "The redacted audio, if any, was deleted along with the transcript.";
        }

        if (StoredOptions.Read(transcript).Redaction?.Audio is not { } audio)
        {
            return "Redacted audio is only available for transcripts created with redact_pii_audio set to true.";
        }

        return transcript switch
        {
            { Status: TranscriptStatus.Error } => "There is no redacted audio: the transcript failed.",
            { Text: null or "" } when audio.ReturnRedactedNoSpeechAudio != true =>
                "There is no redacted audio: no speech was found in the file. Set redact_pii_audio_options.return_redacted_no_speech_audio to true to get it anyway.",
            _ => null,
        };
    }

    private static async Task<Results<PhysicalFileHttpResult, JsonHttpResult<ApiError>>> Download(
        string fileName, string? token, HttpContext http, ApplicationDbContext db, RedactedAudioStore store, RedactedAudioLinks links)
    {
        var format = RedactedAudioFormat.All.FirstOrDefault(f => f.Extension == Path.GetExtension(fileName));
        if (format is null || !Guid.TryParse(Path.GetFileNameWithoutExtension(fileName), out var id))
        {
            return V2Json.Error(StatusCodes.Status404NotFound, "Not found");
        }

        if (!links.IsValid(id, token))
        {
            return V2Json.Error(StatusCodes.Status403Forbidden, "This redacted audio link is invalid or has expired; GET /v2/transcript/{id}/redacted-audio gives a new one.");
        }

        var transcript = await db.Transcripts.AsNoTracking()
            .SingleOrDefaultAsync(t => t.Id == id && t.DeletedAt == null && t.Status == TranscriptStatus.Completed, http.RequestAborted);
        var path = transcript is null ? null : store.PathFor(transcript.TeamId, transcript.Id, format);
        if (path is null || !File.Exists(path))
        {
            return V2Json.Error(StatusCodes.Status404NotFound, "Not found");
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.PhysicalFile(path, format.ContentType, enableRangeProcessing: true);
    }
}
