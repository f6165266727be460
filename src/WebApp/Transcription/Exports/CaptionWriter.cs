using System.Globalization;
using System.Text;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Exports;

/// <summary>SRT and WebVTT captions from a transcript's words.</summary>
public static class CaptionWriter
{
    /// <summary>Caption length when the caller does not give chars_per_caption.</summary>
    public const int DefaultCharsPerCaption = 80;

    /// <summary>A pause this long always starts a new caption, so text does not linger over silence.</summary>
    public const int CaptionPauseMs = 1000;

    /// <param name="speakerName">When given, each caption of a labelled speaker starts with their name ("Dana: …").</param>
    public static string Srt(IReadOnlyList<Word> words, int? charsPerCaption, Func<string, string>? speakerName = null)
    {
        var output = new StringBuilder();
        var number = 1;
        foreach (var caption in Captions(words, charsPerCaption))
        {
            output.Append(number++).Append('\n')
                .Append(Time(caption.Start, ',', hours: true)).Append(" --> ").Append(Time(caption.End, ',', hours: true)).Append('\n')
                .Append(caption.Speaker is { } speaker && speakerName is not null ? $"{speakerName(speaker)}: " : "")
                .Append(caption.Text).Append("\n\n");
        }

        return output.ToString();
    }

    /// <param name="speakerName">When given, captions of a labelled speaker carry WebVTT's voice tag (&lt;v Dana&gt;).</param>
    public static string Vtt(IReadOnlyList<Word> words, int? charsPerCaption, Func<string, string>? speakerName = null)
    {
        var output = new StringBuilder("WEBVTT\n\n");
        foreach (var caption in Captions(words, charsPerCaption))
        {
            output.Append(Time(caption.Start, '.', hours: caption.End >= 3_600_000)).Append(" --> ")
                .Append(Time(caption.End, '.', hours: caption.End >= 3_600_000)).Append('\n')
                .Append(caption.Speaker is { } speaker && speakerName is not null ? $"<v {VoiceName(speakerName(speaker))}>" : "")
                .Append(caption.Text).Append("\n\n");
        }

        return output.ToString();
    }

    /// <summary>Words grouped into captions of at most <paramref name="charsPerCaption"/> characters (a longer single word stands alone).</summary>
    public static IReadOnlyList<TextBlock> Captions(IReadOnlyList<Word> words, int? charsPerCaption)
    {
        var limit = charsPerCaption ?? DefaultCharsPerCaption;
        var length = words.Count > 0 ? words[0].Text.Length : 0;
        return TranscriptSegmenter.Split(words, (previous, next) =>
        {
            var breakHere = previous.Speaker != next.Speaker
                || next.Start - previous.End >= CaptionPauseMs
                || length + 1 + next.Text.Length > limit;
            length = breakHere ? next.Text.Length : length + 1 + next.Text.Length;
            return breakHere;
        });
    }

    // A voice tag's annotation ends at '>' and may not hold '&' or '<' unescaped.
    private static string VoiceName(string name) => name.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Time(int milliseconds, char separator, bool hours)
    {
        var time = TimeSpan.FromMilliseconds(milliseconds);
        var clock = hours
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalMinutes:00}:{time.Seconds:00}");
        return string.Create(CultureInfo.InvariantCulture, $"{clock}{separator}{time.Milliseconds:000}");
    }
}
