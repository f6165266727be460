using System.Text;

namespace WebApp.Transcription.Exports;

/// <summary>A transcript as plain text: the title, then each turn (or paragraph) under its speaker and start time.</summary>
public static class PlainTextWriter
{
    public static string Write(ReadableTranscript transcript)
    {
        var output = new StringBuilder().Append(transcript.Title).Append("\n\n");
        foreach (var block in transcript.Blocks)
        {
            output.Append(Heading(block)).Append('\n').Append(block.Text).Append("\n\n");
        }

        return output.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>"Dana (1:05)", or "(1:05)" without speaker labels; the docx export uses the same heading.</summary>
    public static string Heading(ReadableBlock block) =>
        block.SpeakerName is null ? $"({Timestamp.Format(block.Start)})" : $"{block.SpeakerName} ({Timestamp.Format(block.Start)})";
}
