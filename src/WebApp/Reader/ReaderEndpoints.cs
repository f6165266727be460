using Microsoft.AspNetCore.Http.HttpResults;
using WebApp.Accounts;
using WebApp.Data.Entities;
using WebApp.Infrastructure;
using WebApp.Sharing;
using WebApp.Transcription.Exports;

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

    /// <summary>The stored file of an uploaded transcript; null for a URL's transcript (the job keeps no copy) or once deleted.</summary>
    public static string? StoredAudioPath(Transcript transcript, UploadStore uploads) =>
        transcript.UploadId is { } uploadId && transcript.DeletedAt is null && uploads.PathFor(transcript.TeamId, uploadId) is var path && File.Exists(path)
            ? path
            : null;

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> OwnedAudio(Guid transcriptId, HttpContext http, TranscriptAccess access, UploadStore uploads) =>
        Audio(await access.FindForUserAsync(http.User.GetUserId(), transcriptId, http.RequestAborted), uploads);

    private static async Task<Results<PhysicalFileHttpResult, NotFound>> SharedAudio(string token, HttpContext http, TranscriptAccess access, UploadStore uploads)
    {
        // The token is in the URL; tell caches and other sites' pages not to keep or pass it on.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return Audio(await access.FindForShareAsync(token, http.RequestAborted), uploads);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> OwnedExport(Guid transcriptId, string format, HttpContext http, TranscriptAccess access) =>
        Export(await access.FindForUserAsync(http.User.GetUserId(), transcriptId, http.RequestAborted), format);

    private static async Task<Results<FileContentHttpResult, NotFound>> SharedExport(string token, string format, HttpContext http, TranscriptAccess access)
    {
        http.Response.Headers.CacheControl = "private, no-store";
        return Export(await access.FindForShareAsync(token, http.RequestAborted), format);
    }

    private static Results<PhysicalFileHttpResult, NotFound> Audio(Transcript? transcript, UploadStore uploads)
    {
        var path = transcript is null ? null : StoredAudioPath(transcript, uploads);
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
