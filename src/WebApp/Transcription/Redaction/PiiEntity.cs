using WebApp.Transcription.Model;

namespace WebApp.Transcription.Redaction;

/// <summary>One piece of personal information found in a transcript.</summary>
/// <param name="Policy">The PiiPolicy name it was redacted under, e.g. "phone_number".</param>
/// <param name="Start">Start of its first word, in milliseconds: with <paramref name="End"/>, the audio to beep.</param>
/// <param name="End">End of its last word, in milliseconds.</param>
/// <param name="Text">The words as they were before redaction, without surrounding punctuation.</param>
public sealed record PiiEntity(string Policy, int Start, int End, string Text);

/// <summary>The words with PII replaced, and what was replaced, in transcript order.</summary>
public sealed record PiiRedactionResult(IReadOnlyList<Word> Words, IReadOnlyList<PiiEntity> Entities);
