using System.Globalization;
using System.Text;
using WebApp.Infrastructure;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Model;

namespace WebApp.Transcription.Redaction;

/// <summary>
/// Makes redact_pii_audio's file: the original audio, re-encoded by ffmpeg as mp3 or wav, with every redacted PII
/// span replaced by a 1 kHz beep (or silence, with override_audio_redaction_method "silence"). Everything else is
/// the original signal, sample for sample before encoding, and the length is the original's.
/// </summary>
public sealed class AudioRedactor(RedactedAudioStore store, ILogger<AudioRedactor> logger)
{
    /// <summary>Added before and after each span: word timings are estimates, and a leaked first syllable is a leak.</summary>
    public const int MarginMs = 50;

    public const int BeepHertz = 1000;

    private const double BeepAmplitude = 0.25;

    // The filters switch on and off at frame starts; 64-sample frames keep that within 4 ms even at 16 kHz.
    private const int FrameSamples = 64;

    public async Task WriteAsync(Guid teamId, Guid transcriptId, string audioPath, IReadOnlyList<PiiEntity> spans, RedactedAudioOptions options, CancellationToken cancellationToken)
    {
        var format = options.FileFormat;
        var silence = options.Silence;
        var target = store.PathFor(teamId, transcriptId, format);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        // The graph goes in a file: as an argument, a long recording's many spans could pass the kernel's limit.
        var script = target + ".filtergraph";
        try
        {
            await File.WriteAllTextAsync(script, FilterGraph(spans, silence), cancellationToken);
            string[] arguments =
            [
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                .. FfmpegInput.For(audioPath),
                "-filter_complex_script", "file:" + script,
                "-map", "[out]", "-vn", "-sn", "-dn",
                // Tags such as a title may name the very people the audio no longer does.
                "-map_metadata", "-1",
                .. format.EncoderArguments,
                "file:" + partial,
            ];
            var outcome = await ExternalProcess.RunAsync("ffmpeg", arguments, stdout => stdout.CopyToAsync(Stream.Null), cancellationToken);
            if (outcome.ExitCode != 0 || !File.Exists(partial))
            {
                throw new InvalidOperationException($"ffmpeg could not write the redacted audio (exit code {outcome.ExitCode}): {outcome.StandardErrorTail}");
            }

            File.Move(partial, target, overwrite: true);
            logger.LogInformation("Redacted audio of {TranscriptId}: {Spans} spans, {Format}", transcriptId, spans.Count, format.Name);
        }
        finally
        {
            File.Delete(script);
            File.Delete(partial);
        }
    }

    /// <summary>The ffmpeg filter graph from the input's first audio stream to [out].</summary>
    public static string FilterGraph(IReadOnlyList<PiiEntity> spans, bool silence)
    {
        if (spans.Count == 0)
        {
            return "[0:a]anull[out]";
        }

        var redacted = Condition(spans);
        var frames = $"[0:a]asetnsamples=n={FrameSamples}:p=0";
        if (silence)
        {
            return $"{frames},volume=0:enable='{redacted}'[out]";
        }

        // The speech is muted in the spans, a beep of the same channels and rate is muted outside them, and the two
        // are summed without normalising, so outside the spans the samples are the original ones.
        var beep = string.Create(CultureInfo.InvariantCulture, $"{BeepAmplitude}*sin(2*PI*{BeepHertz}*t)");
        return $"""
            {frames},asplit[speech][beep];
            [speech]volume=0:enable='{redacted}'[muted];
            [beep]aeval='{beep}':c=same,volume=0:enable='not({redacted})'[tone];
            [muted][tone]amix=inputs=2:duration=first:normalize=0[out]
            """;
    }

    /// <summary>An ffmpeg expression of t that is non-zero inside any span (with its margin).</summary>
    private static string Condition(IReadOnlyList<PiiEntity> spans)
    {
        var condition = new StringBuilder();
        foreach (var span in spans)
        {
            var start = Math.Max(0, span.Start - MarginMs) / 1000.0;
            var end = (span.End + MarginMs) / 1000.0;
            condition.Append(condition.Length == 0 ? "" : "+").Append(CultureInfo.InvariantCulture, $"between(t,{start:0.000},{end:0.000})");
        }

        return condition.ToString();
    }
}
