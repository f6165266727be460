using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebApp.Accounts;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Regions;
using WebApp.Infrastructure;
using WebApp.Limits;
using WebApp.Transcription;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Api.V2;

/// <summary>/v2/transcript: create, get, list and delete transcripts, always within the caller's team.</summary>
public static class TranscriptApi
{
    private const string NotFoundMessage = "Transcript not found";

    public static RouteGroupBuilder MapTranscriptApi(this RouteGroupBuilder v2)
    {
        var transcripts = v2.MapGroup("/transcript");
        transcripts.MapPost("/", Create).WithName("createTranscript")
            .AddOpenApiOperationTransformer(OpenApiBodies.Describe("application/json", "TranscriptParams: audio_url and options, as in AssemblyAI's API."));
        transcripts.MapGet("/", List).WithName("listTranscripts");
        transcripts.MapGet("/{transcriptId}", Get).WithName("getTranscript").Produces<TranscriptResponse>(contentType: "application/json");
        transcripts.MapDelete("/{transcriptId}", Delete).WithName("deleteTranscript");
        return v2;
    }

    private static async Task<Results<JsonHttpResult<TranscriptResponse>, JsonHttpResult<ApiError>>> Create(
        HttpContext http, TranscriptSubmitter submitter, TeamRegions regions, IOptions<LimitsOptions> limits)
    {
        var maxBytes = limits.Value.MaxJsonBytes;
        if (http.Request.ContentLength > maxBytes)
        {
            return V2Json.Error(StatusCodes.Status413PayloadTooLarge, V2ErrorHandling.BodyTooLarge(maxBytes));
        }

        // A body without a length is cut off at the limit as it streams (V2ErrorHandling answers the 413).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = maxBytes;
        }

        var teamId = http.User.GetTeamId();
        var region = await regions.ChooseAsync(teamId, http.RequestedRegion(), http.RequestAborted);
        if (region.Region is null)
        {
            return V2Json.Error(region.StatusCode, region.Error!);
        }

        var (body, error) = await TranscriptRequestReader.ReadAsync(http.Request);
        var (options, invalid) = body is null ? (null, error) : TranscriptRequestReader.Translate(body, region.Region.IsRemote);
        if (options is null)
        {
            return V2Json.Error(StatusCodes.Status400BadRequest, invalid!);
        }

        var linkBase = ReverseProxy.PublicBaseUrl(http.Request);
        if (options.Webhook is { } webhook)
        {
            options = options with { Webhook = webhook with { LinkBase = linkBase } };
        }

        var result = await submitter.SubmitAsync(teamId, http.User.GetUserId(), options, new Uri(linkBase).Authority, title: null, region.Region, http.User.GetApiKeyId(), http.RequestAborted);
        return result.Transcript is null
            ? V2Json.Error(result.StatusCode, result.Error!)
            : V2Json.Ok(TranscriptMapper.ToResponse(result.Transcript));
    }

    private static async Task<Results<FileContentHttpResult, JsonHttpResult<ApiError>>> Get(
        string transcriptId, HttpContext http, ApplicationDbContext db, TranscriptResponseCache responses)
    {
        if (Guid.TryParse(transcriptId, out var id) && responses.Kept(id, http.User.GetTeamId()) is { } kept)
        {
            return kept;
        }

        var generation = responses.Generation;
        var transcript = await FindAsync(db, http, transcriptId);
        return transcript is null
            ? V2Json.Error(StatusCodes.Status404NotFound, NotFoundMessage)
            : responses.Response(transcript, generation);
    }

    private static async Task<Results<JsonHttpResult<TranscriptList>, JsonHttpResult<ApiError>>> List(
        HttpContext http, ApplicationDbContext db, string? limit, string? status, string? before_id, string? after_id, string? created_on, string? throttled_only)
    {
        var pageSize = 10;
        if (limit is not null && (!int.TryParse(limit, out pageSize) || pageSize is < 1 or > 200))
        {
            return V2Json.Error(StatusCodes.Status400BadRequest, "limit must be between 1 and 200.");
        }

        var teamId = http.User.GetTeamId();
        var query = db.Transcripts.AsNoTracking().Where(t => t.TeamId == teamId);
        var throttledOnly = false;
        if (throttled_only is not null && !bool.TryParse(throttled_only, out throttledOnly))
        {
            return V2Json.Error(StatusCodes.Status400BadRequest, "throttled_only must be true or false.");
        }

        if (throttledOnly)
        {
            // As AssemblyAI documents it: overrides the status filter.
            query = query.Where(t => t.Throttled);
        }
        else if (status is not null)
        {
            if (!Enum.TryParse<TranscriptStatus>(status, ignoreCase: true, out var statusFilter) || int.TryParse(status, out _))
            {
                return V2Json.Error(StatusCodes.Status400BadRequest, "status must be one of queued, processing, completed, error.");
            }

            query = query.Where(t => t.Status == statusFilter);
        }

        if (created_on is not null)
        {
            if (!DateOnly.TryParseExact(created_on, "yyyy-MM-dd", out var day))
            {
                return V2Json.Error(StatusCodes.Status400BadRequest, "created_on must be a date like 2024-03-11.");
            }

            var from = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var to = from.AddDays(1);
            query = query.Where(t => t.CreatedAt >= from && t.CreatedAt < to);
        }

        var newestFirst = true;
        foreach (var (value, olderThan) in new[] { (before_id, true), (after_id, false) })
        {
            if (value is null)
            {
                continue;
            }

            var pivot = Guid.TryParse(value, out var pivotId)
                ? await db.Transcripts.AsNoTracking().Where(t => t.Id == pivotId && t.TeamId == teamId).Select(t => (DateTime?)t.CreatedAt).SingleOrDefaultAsync(http.RequestAborted)
                : null;
            if (pivot is null)
            {
                return V2Json.Error(StatusCodes.Status400BadRequest, $"{(olderThan ? "before_id" : "after_id")} is not the id of one of your transcripts.");
            }

            query = olderThan ? query.Where(t => t.CreatedAt < pivot) : query.Where(t => t.CreatedAt > pivot);
            newestFirst &= olderThan;
        }

        // A page of newer transcripts is the `limit` just after the pivot, still shown newest first.
        var page = newestFirst
            ? await ListRows(query.OrderByDescending(t => t.CreatedAt).Take(pageSize)).ToListAsync(http.RequestAborted)
            : (await ListRows(query.OrderBy(t => t.CreatedAt).Take(pageSize)).ToListAsync(http.RequestAborted)).AsEnumerable().Reverse().ToList();

        var baseUrl = http.Request.ApiBaseUrl();
        var listUrl = $"{baseUrl}/v2/transcript?limit={pageSize}" + (status is null ? "" : $"&status={status.ToLowerInvariant()}");
        var details = new PageDetails(
            pageSize,
            page.Count,
            $"{baseUrl}{http.Request.Path}{http.Request.QueryString}",
            page.Count == 0 ? null : $"{listUrl}&before_id={page[^1].Id}",
            page.Count == 0 ? null : $"{listUrl}&after_id={page[0].Id}");
        return V2Json.Ok(new TranscriptList(details, page.Select(t => TranscriptMapper.ToListItem(t, baseUrl)).ToList()));
    }

    /// <summary>The list's columns only: a page of transcripts never reads their words or text.</summary>
    public static IQueryable<TranscriptListRow> ListRows(IQueryable<Transcript> transcripts) =>
        transcripts.Select(t => new TranscriptListRow(t.Id, t.Status, t.CreatedAt, t.CompletedAt, t.AudioUrl, t.Error));

    private static async Task<Results<JsonHttpResult<TranscriptResponse>, JsonHttpResult<ApiError>>> Delete(
        string transcriptId, HttpContext http, TranscriptDeleter deleter)
    {
        var result = Guid.TryParse(transcriptId, out var id)
            ? await deleter.DeleteAsync(http.User.GetTeamId(), id, http.RequestAborted)
            : new DeleteResult(DeleteOutcome.NotFound, null);
        return result.Outcome switch
        {
            DeleteOutcome.Deleted => V2Json.Ok(TranscriptMapper.ToResponse(result.Transcript!)),
            DeleteOutcome.StillProcessing => V2Json.Error(StatusCodes.Status400BadRequest, DeleteResult.StillProcessingMessage),
            DeleteOutcome.UpstreamFailed => V2Json.Error(StatusCodes.Status502BadGateway, result.Error!),
            _ => V2Json.Error(StatusCodes.Status404NotFound, NotFoundMessage),
        };
    }

    private static async Task<Transcript?> FindAsync(ApplicationDbContext db, HttpContext http, string transcriptId)
    {
        if (!Guid.TryParse(transcriptId, out var id))
        {
            return null;
        }

        var teamId = http.User.GetTeamId();
        // Read-only: tracking would keep a snapshot of every column, the stored words included, for nothing.
        return await db.Transcripts.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.TeamId == teamId, http.RequestAborted);
    }
}
