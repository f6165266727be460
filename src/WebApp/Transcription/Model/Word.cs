namespace WebApp.Transcription.Model;

/// <summary>One word of a finished transcript, as the pipeline produces, stores and exports it.</summary>
/// <param name="Text">The word as shown, with its punctuation ("Hello,").</param>
/// <param name="Start">Start in milliseconds from the start of the file.</param>
/// <param name="End">End in milliseconds.</param>
/// <param name="Confidence">In [0, 1].</param>
/// <param name="Speaker">"A", "B", … (or "1", "1A", … on multichannel transcripts); null without speaker labels.</param>
/// <param name="Channel">"1", "2", … when channels were recognised separately; else null.</param>
public sealed record Word(string Text, int Start, int End, double Confidence, string? Speaker = null, string? Channel = null);
