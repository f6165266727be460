using System.Text.Json;
using System.Text.Json.Serialization;
using WebApp.Data.Entities;

namespace WebApp.Transcription.Model;

/// <summary>
/// How a transcript's <see cref="TranscriptOptions"/> are kept in <see cref="Transcript.OptionsJson"/>: our own JSON,
/// <c>{"v": 1, "options": {…}}</c>. The version lets the shape change without guessing; rows in AssemblyAI's wire
/// format from before it existed are rewritten once at start-up (Api/V2/StoredWireFormatUpgrade).
/// </summary>
public static class StoredOptions
{
    public const int Version = 1;

    /// <summary>What a row holds before it has been upgraded: anything not starting like this.</summary>
    public const string VersionedPrefix = "{\"v\":";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(TranscriptOptions options) => JsonSerializer.Serialize(new Envelope(Version, options), Json);

    /// <summary>The options of a stored transcript, its audio URL from its own column.</summary>
    /// <exception cref="InvalidDataException">The row is in a format this version cannot read (not yet upgraded).</exception>
    public static TranscriptOptions Read(Transcript transcript) => Read(transcript.OptionsJson) with { AudioUrl = transcript.AudioUrl };

    public static TranscriptOptions Read(string json)
    {
        var envelope = JsonSerializer.Deserialize<Envelope>(json, Json);
        return envelope is { V: Version, Options: { } options }
            ? options
            : throw new InvalidDataException($"Stored transcript options are not in format version {Version}.");
    }

    public static bool IsCurrent(string json) => json.StartsWith(VersionedPrefix + Version, StringComparison.Ordinal);

    private sealed record Envelope(int V, TranscriptOptions? Options);
}
