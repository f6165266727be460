using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using WebApp.Data.Entities;

namespace WebApp.Api.V2;

/// <summary>
/// The serialised GET answers of completed transcripts, so that a transcript polled by many clients is not rebuilt
/// from its stored words (parsed, mapped, segmented into utterances, serialised) on every request. An entry is used
/// only while the row it was built from is unchanged in every column, compared exactly rather than hashed, so an edit,
/// a deletion or a webhook's status code shows at once, on every node of a cluster, with nothing to invalidate.
/// On a single server it goes further and answers without reading the row at all (<see cref="Kept"/>) until the
/// process writes to the transcripts again (<see cref="TranscriptWritesInterceptor"/>): every writer is then in this
/// process, and the next GET of each transcript reads its row again after any write.
/// </summary>
public sealed class TranscriptResponseCache
{
    private const long SizeLimitBytes = 64L * 1024 * 1024;

    private static readonly PropertyInfo[] Columns = typeof(Transcript).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
        .ToArray();

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });
    private long generation;

    /// <summary>Whether answers may be given without reading the row: only where no other process writes transcripts.</summary>
    public bool AnswersWithoutReading { get; init; }

    /// <summary>Read before the row is, and handed to <see cref="Response"/>: a write in between voids the result.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>Some transcript may have changed: every answer needs its row read again.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

    /// <summary>The answer for the team's completed transcript, if it was built or confirmed since the last write; otherwise null.</summary>
    public FileContentHttpResult? Kept(Guid transcriptId, Guid teamId) =>
        AnswersWithoutReading && entries.TryGetValue(transcriptId, out Entry? cached) && cached!.TeamId == teamId && cached.ConfirmedAt == Generation
            ? Json(cached.Body)
            : null;

    /// <param name="generationBeforeRead">The <see cref="Generation"/> read before the row was.</param>
    public FileContentHttpResult Response(Transcript transcript, long generationBeforeRead = -1)
    {
        var row = Snapshot(transcript);
        if (entries.TryGetValue(transcript.Id, out Entry? cached) && cached!.Row.AsSpan().SequenceEqual(row))
        {
            cached.ConfirmedAt = generationBeforeRead;
            return Json(cached.Body);
        }

        var body = V2Json.Serialize(TranscriptMapper.ToResponse(transcript));
        if (transcript.Status == TranscriptStatus.Completed)
        {
            // Queued and processing transcripts change every few seconds and are cheap to answer; not worth keeping.
            entries.Set(transcript.Id, new Entry(row, body, transcript.TeamId) { ConfirmedAt = generationBeforeRead }, new MemoryCacheEntryOptions
            {
                Size = body.Length + row.Sum(value => value is string text ? text.Length * 2L : 16),
                SlidingExpiration = TimeSpan.FromMinutes(10),
            });
        }

        return Json(body);
    }

    private static FileContentHttpResult Json(byte[] body) => TypedResults.Bytes(body, V2Json.ContentType);

    private static object?[] Snapshot(Transcript transcript) => Array.ConvertAll(Columns, column => column.GetValue(transcript));

    private sealed record Entry(object?[] Row, byte[] Body, Guid TeamId)
    {
        private long confirmedAt = -1;

        /// <summary>The generation whose row this answer was built from or compared with; -1 for none.</summary>
        public long ConfirmedAt
        {
            get => Interlocked.Read(ref confirmedAt);
            set => Interlocked.Exchange(ref confirmedAt, value);
        }
    }
}
