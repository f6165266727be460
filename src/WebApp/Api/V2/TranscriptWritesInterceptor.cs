using WebApp.Data;

namespace WebApp.Api.V2;

/// <summary>
/// Stops <see cref="TranscriptResponseCache"/> answering from memory after any write to the transcripts (or to the
/// teams, whose deletion takes their transcripts): the next GET of each reads its row again.
/// </summary>
public sealed class TranscriptWritesInterceptor(TranscriptResponseCache responses) : TableWritesInterceptor
{
    private static readonly string[] TranscriptTables = ["Transcripts", "Teams"];

    protected override string[] Tables => TranscriptTables;

    protected override void Written() => responses.Invalidate();
}
