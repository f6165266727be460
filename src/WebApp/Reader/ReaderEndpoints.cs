using Microsoft.AspNetCore.Http.HttpResults;
using WebApp.Accounts;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Sharing;
using WebApp.Transcription.Exports;
using WebApp.Uploads;

namespace WebApp.Reader;

/// <summary>
/// The reader's files: a transcript's audio (with range requests, so the player can seek) and its downloads, for
/// team members (cookie) and for holders of a share link (the token in the path).
/// </summary>
public static class ReaderEndpoints
{
    /// <summary>Services of the transcript reader and of share links.</summary>
    public static void AddTranscriptReader(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TranscriptAccess>();
        builder.Services.AddScoped<TranscriptEditor>();
        builder.Services.AddScoped<ShareLinkService>();
    }

    public static void MapTranscriptReader(this IEndpointRouteBuilder app)
    {
        var owned = app.MapGroup("/app/transcripts/{transcriptId:guid}").RequireAuthorization();
        owned.MapGet("/audio", OwnedAudio);
        owned.MapGet("/export/{format}", OwnedExport);

        var shared = app.MapGroup("/s/{token}").AllowAnonymous();
        shared.MapGet("/audio", SharedAudio);
        shared.MapGet("/export/{format}", SharedExport);
    }

    public static string AudioUrl(Guid transcriptId) => $"app/transcripts/{transcriptId}/audio";

    public static string ExportUrl(Guid transcriptId, ExportFormat format) => $"app/transcripts/{transcriptId}/export/{TranscriptExporter.Extension(format)}";

    public static string SharedAudioUrl(string token) => $"s/{Uri.EscapeDataString(token)}/audio";

    public static string SharedExportUrl(string token, ExportFormat format) => $"s/{Uri.EscapeDataString(token)}/export/{TranscriptExporter.Extension(format)}";

    /// <summary>
    /// What the reader plays: the redacted copy when redact_pii_audio made one (the text is redacted, so the sound is
    /// too, for the team and for share links alike), else the stored upload; null for a URL's transcript without a
    /// redacted copy (the job keeps no download) or once deleted.
    /// </summary>
    public static string? PlayableAudioPath(Transcript transcript, UploadStore uploads, RedactedAudioStore redactedAudio)
    {
        if (transcript.DeletedAt is not null)
        {
            return null;
        }

        if (redactedAudio.Find(transcript.TeamId, transcript.Id) is { } redacted)
        {
            return redacted.Path;
        }

        return transcript.UploadId is { } uploadId && uploads.PathFor(transcript.TeamId, uploadId) is var path && File.Exists(path) ? path : null;
    }

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> OwnedAudio(
        Guid transcriptId, HttpContext http, TranscriptAccess access, UploadStore uploads, RedactedAudioStore redactedAudio) =>
        Audio(await access.FindForUserAsync(http.User.GetUserId(), transcriptId, http.RequestAborted), uploads, redactedAudio);

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> SharedAudio(
        string token, HttpContext http, TranscriptAccess access, UploadStore uploads, RedactedAudioStore redactedAudio)
    {
        // The token is in the URL; tell caches and other sites' pages not to keep or pass it on.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Audio(await access.FindForShareAsync(token, http.RequestAborted), uploads, redactedAudio);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> OwnedExport(Guid transcriptId, string format, HttpContext http, TranscriptAccess access) =>
        Export(await access.FindForUserAsync(http.User.GetUserId(), transcriptId, http.RequestAborted), format);

    private static async Task<Results<FileContentHttpResult, NotFound>> SharedExport(string token, string format, HttpContext http, TranscriptAccess access)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        return Export(await access.FindForShareAsync(token, http.RequestAborted), format);
    }

    private static Results<PhysicalFileHttpResult, NotFound> Audio(Transcript? transcript, UploadStore uploads, RedactedAudioStore redactedAudio)
    {
        var path = transcript is null ? null : PlayableAudioPath(transcript, uploads, redactedAudio);
        return path is null
            ? TypedResults.NotFound()
            : TypedResults.PhysicalFile(path, AudioContentType.Sniff(path), enableRangeProcessing: true);
    }

    private static Results<FileContentHttpResult, NotFound> Export(Transcript? transcript, string format)
    {
        if (transcript is not { Status: TranscriptStatus.Completed, DeletedAt: null } || !TranscriptExporter.TryParse(format, out var exportFormat))
        {
            return TypedResults.NotFound();
        }

        var file = TranscriptExporter.Export(transcript, exportFormat);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
