using WebApp.Tests.Transcription.Formatting;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Redaction;

namespace WebApp.Tests.Transcription.Redaction;

/// <summary>Runs a spoken script through the pipeline as the worker does: format, then redact.</summary>
internal static class SpokenPii
{
    public static string Redacted(string script, string policy, PiiSubstitution substitution = PiiSubstitution.Hash) =>
        WebApp.Transcription.Formatting.TranscriptFormatter.JoinText(PiiRedactor.Redact(Formatted(script), [policy], substitution).Words);

    /// <summary>What was found, as "policy: text" so failures read well.</summary>
    public static List<string> Found(string script, params string[] policies) =>
        [.. PiiRedactor.Detect(Formatted(script), policies.Length == 0 ? [.. PiiPolicy.Supported] : policies).Select(e => $"{e.Policy}: {e.Text}")];

    public static IReadOnlyList<WebApp.Transcription.Model.Word> Formatted(string script) =>
        TranscriptFormatter.Format(SpokenWords.From(script), FormattingOptions.AssemblyAiDefaults);
}
