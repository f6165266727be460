using System.Text;
using System.Text.Json;
using WebApp.Data.Entities;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Exports;

public enum ExportFormat
{
    Txt,
    Srt,
    Vtt,
    Json,
    Docx,
}

/// <summary>A file to download.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The reader's downloads: a completed transcript in each format, with its corrected words and its speakers' given
/// names (the /v2 exports stay exactly AssemblyAI's, with speaker letters).
/// </summary>
public static class TranscriptExporter
{
    public static IReadOnlyList<ExportFormat> Formats { get; } = Enum.GetValues<ExportFormat>();

    // snake_case like the API the JSON export's users also read, nulls written out.
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static bool TryParse(string? name, out ExportFormat format) =>
        Enum.TryParse(name, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(name, out _);

    public static string Extension(ExportFormat format) => format.ToString().ToLowerInvariant();

    public static ExportFile Export(Transcript transcript, ExportFormat format)
    {
        var readable = ReadableTranscript.From(transcript);
        var fileName = $"{FileStem(readable.Title)}.{Extension(format)}";
        return format switch
        {
            ExportFormat.Txt => Text(fileName, "text/plain; charset=utf-8", PlainTextWriter.Write(readable)),
            ExportFormat.Srt => Text(fileName, "application/x-subrip; charset=utf-8", CaptionWriter.Srt(readable.Words, null, readable.SpeakerNames.Display)),
            ExportFormat.Vtt => Text(fileName, "text/vtt; charset=utf-8", CaptionWriter.Vtt(readable.Words, null, readable.SpeakerNames.Display)),
            ExportFormat.Json => new ExportFile(fileName, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(JsonDocument(transcript, readable), JsonOptions)),
            ExportFormat.Docx => new ExportFile(fileName, DocxWriter.ContentType, DocxWriter.Write(readable)),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>A file name from the title: "Board meeting.mp3" gives "Board meeting".</summary>
    public static string FileStem(string title)
    {
        var stem = Path.GetExtension(title) is { Length: >= 2 and <= 5 } extension ? title[..^extension.Length] : title;
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '\\', '/', ':', '*', '?', '<', '>', '|']).ToHashSet();
        var safe = new string(stem.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim(' ', '.');
        return safe.Length == 0 ? "transcript" : safe[..Math.Min(safe.Length, 100)];
    }

    private static ExportFile Text(string fileName, string contentType, string text) =>
        new(fileName, contentType, Encoding.UTF8.GetBytes(text));

    /// <summary>AssemblyAI's field names for the words, plus the turns with speakers' names. No audio_url: shared links export this too.</summary>
    private static JsonExport JsonDocument(Transcript transcript, ReadableTranscript readable) => new(
        transcript.Id.ToString(),
        readable.Title,
        transcript.WholeAudioSeconds(),
        transcript.LanguageCode,
        transcript.Confidence,
        string.Join(' ', readable.Words.Select(w => w.Text)),
        readable.Speakers.Select(s => new JsonSpeaker(s, readable.SpeakerNames.Display(s))).ToList(),
        readable.Blocks.Select(b => new JsonUtterance(b.Speaker, b.SpeakerName, b.Start, b.End, b.Text, b.Words)).ToList(),
        readable.Words);

    private sealed record JsonExport(
        string Id, string Title, int? AudioDuration, string? LanguageCode, double? Confidence, string Text,
        IReadOnlyList<JsonSpeaker> Speakers, IReadOnlyList<JsonUtterance> Utterances, IReadOnlyList<Word> Words);

    private sealed record JsonSpeaker(string Label, string Name);

    private sealed record JsonUtterance(string? Speaker, string? SpeakerName, int Start, int End, string Text, IReadOnlyList<Word> Words);
}
