using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts;
using WebApp.Data;
using WebApp.Data.Entities;
using WebApp.Transcription.Exports;
using WebApp.Transcription.Model;

namespace WebApp.Api.V2;

/// <summary>A completed transcript as sentences, paragraphs, captions (srt, vtt) and word search results.</summary>
public static class TranscriptExportsApi
{
    public static RouteGroupBuilder MapTranscriptExportsApi(this RouteGroupBuilder v2)
    {
        var transcript = v2.MapGroup("/transcript/{transcriptId}");
        transcript.MapGet("/sentences", Sentences).WithName("getTranscriptSentences");
        transcript.MapGet("/paragraphs", Paragraphs).WithName("getTranscriptParagraphs");
        transcript.MapGet("/word-search", Search).WithName("wordSearch");
        transcript.MapGet("/{subtitleFormat}", Subtitles).WithName("getSubtitles");
        return v2;
    }

    public sealed record SentencesResponse(string Id, double? Confidence, int? AudioDuration, IReadOnlyList<BlockResponse> Sentences);

    public sealed record ParagraphsResponse(string Id, double? Confidence, int? AudioDuration, IReadOnlyList<BlockResponse> Paragraphs);

    public sealed record BlockResponse(string Text, int Start, int End, double Confidence, IReadOnlyList<TranscriptWord> Words, string? Speaker, string? Channel)
    {
        public static BlockResponse From(TextBlock block) =>
            new(block.Text, block.Start, block.End, block.Confidence, TranscriptMapper.ToWire(block.Words), block.Speaker, block.Channel);
    }

    public sealed record WordSearchResponse(string Id, int TotalCount, IReadOnlyList<WordSearch.Match> Matches);

    private static async Task<Results<JsonHttpResult<SentencesResponse>, JsonHttpResult<ApiError>>> Sentences(string transcriptId, HttpContext http, ApplicationDbContext db)
    {
        var (transcript, words, error) = await LoadCompletedAsync(transcriptId, http, db);
        if (error is not null)
        {
            return error;
        }

        return V2Json.Ok(new SentencesResponse(
            transcript!.Id.ToString(), transcript.Confidence, transcript.WholeAudioSeconds(), TranscriptSegmenter.Sentences(words!).Select(BlockResponse.From).ToList()));
    }

    private static async Task<Results<JsonHttpResult<ParagraphsResponse>, JsonHttpResult<ApiError>>> Paragraphs(string transcriptId, HttpContext http, ApplicationDbContext db)
    {
        var (transcript, words, error) = await LoadCompletedAsync(transcriptId, http, db);
        if (error is not null)
        {
            return error;
        }

        return V2Json.Ok(new ParagraphsResponse(
            transcript!.Id.ToString(), transcript.Confidence, transcript.WholeAudioSeconds(), TranscriptSegmenter.Paragraphs(words!).Select(BlockResponse.From).ToList()));
    }

    private static async Task<Results<JsonHttpResult<WordSearchResponse>, JsonHttpResult<ApiError>>> Search(string transcriptId, string? words, HttpContext http, ApplicationDbContext db)
    {
        var terms = (words ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (terms.Length == 0)
        {
            return V2Json.Error(StatusCodes.Status400BadRequest, "words is required: a comma-separated list of words or phrases.");
        }

        if (terms.Length > WordSearch.MaxTerms || terms.Any(t => t.Length > WordSearch.MaxTermLength))
        {
            return V2Json.Error(StatusCodes.Status400BadRequest,
                $"words can have at most {WordSearch.MaxTerms} words or phrases, each at most {WordSearch.MaxTermLength} characters.");
        }

        if (terms.FirstOrDefault(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > WordSearch.MaxWordsPerPhrase) is { } tooLong)
        {
            return V2Json.Error(StatusCodes.Status400BadRequest, $"\"{tooLong}\" has more than {WordSearch.MaxWordsPerPhrase} words.");
        }

        var (transcript, transcriptWords, error) = await LoadCompletedAsync(transcriptId, http, db);
        if (error is not null)
        {
            return error;
        }

        var matches = WordSearch.Find(transcriptWords!, terms);
        return V2Json.Ok(new WordSearchResponse(transcript!.Id.ToString(), matches.Sum(m => m.Count), matches));
    }

    private static async Task<Results<ContentHttpResult, JsonHttpResult<ApiError>>> Subtitles(
        string transcriptId, string subtitleFormat, string? chars_per_caption, HttpContext http, ApplicationDbContext db)
    {
        if (subtitleFormat is not ("srt" or "vtt"))
        {
            return V2Json.Error(StatusCodes.Status400BadRequest, "The subtitle format must be srt or vtt.");
        }

        int? charsPerCaption = null;
        if (chars_per_caption is not null)
        {
            if (!int.TryParse(chars_per_caption, out var parsed) || parsed < 1)
            {
                return V2Json.Error(StatusCodes.Status400BadRequest, "chars_per_caption must be a positive Integer.");
            }

            charsPerCaption = parsed;
        }

        var (_, words, error) = await LoadCompletedAsync(transcriptId, http, db);
        if (error is not null)
        {
            return error;
        }

        var text = subtitleFormat == "srt" ? CaptionWriter.Srt(words!, charsPerCaption) : CaptionWriter.Vtt(words!, charsPerCaption);
        return TypedResults.Text(text, "text/plain; charset=utf-8");
    }

    private static async Task<(Transcript? Transcript, IReadOnlyList<Word>? Words, JsonHttpResult<ApiError>? Error)> LoadCompletedAsync(
        string transcriptId, HttpContext http, ApplicationDbContext db)
    {
        var teamId = http.User.GetTeamId();
        var transcript = Guid.TryParse(transcriptId, out var id)
            ? await db.Transcripts.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.TeamId == teamId, http.RequestAborted)
            : null;
        if (transcript is null)
        {
            return (null, null, V2Json.Error(StatusCodes.Status404NotFound, "Transcript not found"));
        }

        if (transcript.Status != TranscriptStatus.Completed)
        {
            return (null, null, V2Json.Error(StatusCodes.Status400BadRequest, $"Transcript is {transcript.Status.Name()}, not completed."));
        }

        return (transcript, StoredWords.Read(transcript), null);
    }
}
