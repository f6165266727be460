using System.ComponentModel.DataAnnotations;

namespace WebApp.Streaming;

/// <summary>Settings under "Verbatim:Streaming": real-time sessions on /v3/ws.</summary>
public sealed class StreamingOptions
{
    public const string Section = "Verbatim:Streaming";

    /// <summary>Live sessions one team may have open at once (on all web nodes together when the cluster has Redis); one more is refused with AssemblyAI's 3009.</summary>
    [Range(1, 1000)]
    public int MaxSessionsPerTeam { get; set; } = 4;

    /// <summary>
    /// Live sessions this server (node) runs at once (each holds a decoder of ~140 MB and part of a core); 0 means four
    /// per processor core.
    /// </summary>
    [Range(0, 1000)]
    public int MaxSessions { get; set; }

    /// <summary>The longest a session may last (AssemblyAI's is 3 hours); a token may ask for less, never more.</summary>
    [Range(60, 10800)]
    public int MaxSessionSeconds { get; set; } = 10800;

    /// <summary>Loaded decoders kept between sessions, so a new session's first words come without a ~1 s load.</summary>
    [Range(0, 64)]
    public int WarmDecoders { get; set; } = 2;

    /// <summary>How far ahead of real time a client may send audio before AssemblyAI's "Audio Transmission Rate Exceeded" (3007).</summary>
    [Range(0, 600)]
    public double BurstSeconds { get; set; } = 10;

    /// <summary>Partial Turns are sent at most this often while someone speaks.</summary>
    [Range(50, 2000)]
    public int PartialIntervalMs { get; set; } = 150;

    /// <summary>
    /// How many nice steps batch decoding (its threads and ffmpeg) drops while a live session decodes, so the kernel
    /// gives the cores to live streams first; 0 turns this off.
    /// </summary>
    [Range(0, 19)]
    public int BatchNiceness { get; set; } = 10;

    /// <summary>
    /// Live decoders run the forward search only: no word appears first in a turn's final (partial-word p95 ~0.6 s
    /// instead of ~2.6–5.6 s), but finals lose the second pass's accuracy (held-out WER 25% → 36%). Off by default.
    /// </summary>
    public bool ForwardSearchOnly { get; set; }

    public int SessionLimit => MaxSessions > 0 ? MaxSessions : 4 * Environment.ProcessorCount;
}
