using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Transcription.Language;

/// <param name="EnglishProbability">Calibrated probability, 0–1, that the speech is English.</param>
/// <param name="SpeechSeconds">How much audio was listened to (0: no speech found).</param>
/// <param name="Fit">The measurements behind it.</param>
public sealed record LanguageIdentification(double EnglishProbability, double SpeechSeconds, AcousticFit Fit)
{
    public bool HasSpeech => Fit.Frames > 0;

    public bool IsEnglish => EnglishProbability >= EnglishScore.DecisionProbability;
}

/// <summary>
/// Tells English from other speech with the local English models: the first <see cref="MaxSpeechSeconds"/> of speech
/// is decoded as English words and as free phones (<see cref="AcousticFitDecoder"/>), and how much worse the words fit
/// is turned into a probability by <see cref="EnglishScore"/>. One decoder, loaded on first use and kept; one
/// identification at a time (the decoder is ~140 MB, and a job's recognition needs the cores more).
/// </summary>
public sealed class LanguageIdentifier(string modelDirectory, SpeechSegmenter segmenter) : IDisposable
{
    /// <summary>AssemblyAI asks for 15–90 s of speech; 30 s costs about a tenth of a minute's recognition here.</summary>
    public const double MaxSpeechSeconds = 30;

    private readonly SemaphoreSlim gate = new(1, 1);
    private AcousticFitDecoder? decoder;

    public async Task<LanguageIdentification> IdentifyAsync(DecodedAudio audio, CancellationToken cancellationToken)
    {
        var segments = Excerpt(segmenter.Split(audio));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // Native decoding blocks for seconds: a thread of its own, not the thread pool's.
            return await Task.Factory.StartNew(() => Identify(audio, segments, cancellationToken), cancellationToken,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            gate.Release();
        }
    }

    private LanguageIdentification Identify(DecodedAudio audio, IReadOnlyList<SpeechSegment> segments, CancellationToken cancellationToken)
    {
        decoder ??= new AcousticFitDecoder(modelDirectory);
        var fit = default(AcousticFit);
        foreach (var segment in segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fit += decoder.Measure(audio.ReadSamples(segment.StartSample, segment.SampleCount));
        }

        return new LanguageIdentification(EnglishScore.Probability(fit), segments.Sum(s => s.SampleCount) / (double)DecodedAudio.SampleRate, fit);
    }

    /// <summary>The first segments, up to <see cref="MaxSpeechSeconds"/> in all (the last one cut short).</summary>
    private static List<SpeechSegment> Excerpt(IReadOnlyList<SpeechSegment> segments)
    {
        var budget = (long)(MaxSpeechSeconds * DecodedAudio.SampleRate);
        var excerpt = new List<SpeechSegment>();
        foreach (var segment in segments)
        {
            if (budget <= 0)
            {
                break;
            }

            excerpt.Add(segment with { SampleCount = (int)Math.Min(segment.SampleCount, budget) });
            budget -= segment.SampleCount;
        }

        return excerpt;
    }

    public void Dispose()
    {
        decoder?.Dispose();
        gate.Dispose();
    }
}
