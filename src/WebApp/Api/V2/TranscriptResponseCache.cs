using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using WebApp.Data.Entities;

namespace WebApp.Api.V2;

/// <summary>
/// The serialised GET answers of completed transcripts, so that a transcript polled by many clients is not rebuilt
/// from its stored words (parsed, mapped, segmented into utterances, serialised) on every request. An entry is used
/// only while the row it was built from is unchanged in every column, compared exactly rather than hashed; the row is
/// read on every request anyway (it is the team check), so an edit, a deletion or a webhook's status code shows at
/// once, on every node of a cluster, with nothing to invalidate.
/// </summary>
public sealed class TranscriptResponseCache
{
    private const long SizeLimitBytes = 64L * 1024 * 1024;

    private static readonly PropertyInfo[] Columns = typeof(Transcript).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
        .ToArray();

    private readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    public FileContentHttpResult Response(Transcript transcript)
    {
        var row = Snapshot(transcript);
        if (entries.TryGetValue(transcript.Id, out Entry? cached) && cached!.Row.AsSpan().SequenceEqual(row))
        {
            return Json(cached.Body);
        }

        var body = V2Json.Serialize(TranscriptMapper.ToResponse(transcript));
        if (transcript.Status == TranscriptStatus.Completed)
        {
            // Queued and processing transcripts change every few seconds and are cheap to answer; not worth keeping.
            entries.Set(transcript.Id, new Entry(row, body), new MemoryCacheEntryOptions
            {
                Size = body.Length + row.Sum(value => value is string text ? text.Length * 2L : 16),
                SlidingExpiration = TimeSpan.FromMinutes(10),
            });
        }

        return Json(body);
    }

    private static FileContentHttpResult Json(byte[] body) => TypedResults.Bytes(body, V2Json.ContentType);

    private static object?[] Snapshot(Transcript transcript) => Array.ConvertAll(Columns, column => column.GetValue(transcript));

    private sealed record Entry(object?[] Row, byte[] Body);
}
