using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;

namespace WebApp.Streaming;

/// <summary>
/// Turns a stream of 16 kHz audio into AssemblyAI's Turn messages. A loudness gate finds speech; from its start the
/// audio goes to the decoder piece by piece and its running hypothesis is sent as partial Turns every
/// <c>partialIntervalMs</c> of audio. Once silence ends the turn (<see cref="TurnSettings"/>), ending the utterance
/// runs the decoder's second pass over the whole turn, whose words are the final Turn; with <c>format_turns</c> it is
/// sent once more, formatted by <see cref="TranscriptFormatter"/>. (Decoding the turn's audio again as one utterance
/// was tried: no better on the tests' speech, and it doubled the CPU a stream costs.)
/// Not thread-safe: one thread feeds it.
/// </summary>
public sealed class LiveTranscriber(
    PocketSphinxDecoder decoder, KeytermVocabulary? vocabulary, TurnSettings settings, int partialIntervalMs, Action<StreamingMessage> send)
{
    private PocketSphinxDecoder decoder = decoder;
    private KeytermVocabulary? vocabulary = vocabulary;

    private const int SampleRate = PcmInput.TargetRate;
    private const int FrameSamples = SampleRate / 100;

    /// <summary>Audio kept from before speech was detected, so a turn's first sound is not cut.</summary>
    private const int PrerollSamples = SampleRate * 3 / 10;

    /// <summary>Frames of speech in a row before a turn starts: a click is not speech.</summary>
    private const int FramesToStart = 3;

    /// <summary>A word in a partial is final once it is this far behind the audio and unchanged since the last partial.</summary>
    private const int FinalWordLagMs = 500;

    private readonly List<short> carry = [];
    private readonly Queue<short> preroll = new();
    private float noiseFloor = -70;
    private int speechFrames;
    private bool inTurn;
    private long turnStartSample;
    private long lastSpeechSample;
    private long lastPartialSample;
    private int turnOrder;
    private IReadOnlyList<StreamingWord> lastPartial = [];

    public TurnSettings Settings { get; set; } = settings;

    /// <summary>A turn has started and not ended yet.</summary>
    public bool InTurn => inTurn;

    /// <summary>Decodes the turns from the next one on with another decoder (new key terms); only between turns.</summary>
    public void Use(PocketSphinxDecoder other, KeytermVocabulary? otherVocabulary)
    {
        if (inTurn)
        {
            throw new InvalidOperationException("The decoder changes between turns only.");
        }

        decoder = other;
        vocabulary = otherVocabulary;
    }

    /// <summary>Samples received so far: the session's audio time.</summary>
    public long SampleCount { get; private set; }

    public void Push(ReadOnlySpan<short> samples)
    {
        var pending = new List<short>(samples.Length + PrerollSamples);
        carry.AddRange(samples);
        var frames = carry.Count / FrameSamples;
        for (var f = 0; f < frames; f++)
        {
            var frame = carry.GetRange(f * FrameSamples, FrameSamples).ToArray();
            ReadFrame(frame, pending);
        }

        carry.RemoveRange(0, frames * FrameSamples);
        if (!inTurn)
        {
            return;
        }

        decoder.Continue(pending.ToArray());
        var silenceMs = (SampleCount - lastSpeechSample) * 1000 / SampleRate;
        var confidence = Math.Clamp((double)silenceMs / Math.Max(1, Settings.MaxTurnSilenceMs), 0, 1);
        if ((silenceMs >= Settings.MinTurnSilenceMs && confidence >= Settings.EndOfTurnConfidenceThreshold) || silenceMs >= Settings.MaxTurnSilenceMs)
        {
            EndTurn(confidence);
        }
        else if ((SampleCount - lastPartialSample) * 1000 / SampleRate >= partialIntervalMs)
        {
            SendPartial(confidence);
        }
    }

    /// <summary>ForceEndpoint: the turn in progress ends now.</summary>
    public void ForceEndpoint()
    {
        if (inTurn)
        {
            EndTurn(1);
        }
    }

    /// <summary>The session ends: a turn in progress is finished and sent.</summary>
    public void Finish() => ForceEndpoint();

    /// <summary>The session broke off: a turn in progress is dropped unsent, and the decoder left between utterances.</summary>
    public void Abandon()
    {
        if (inTurn)
        {
            inTurn = false;
            decoder.EndUtterance();
        }
    }

    private void ReadFrame(short[] frame, List<short> pending)
    {
        SampleCount += frame.Length;
        var decibels = FrameLoudness.Decibels(frame);
        // The background level: follows quiet frames down at once and rises slowly (about 3 dB a second), so speech
        // does not lift it but a noisier room does.
        noiseFloor = decibels < noiseFloor ? Math.Max(decibels, -90) : noiseFloor + 0.03f;
        var speech = decibels > noiseFloor + Settings.SpeechMarginDecibels && decibels > -65;
        if (inTurn)
        {
            pending.AddRange(frame);
            if (speech)
            {
                lastSpeechSample = SampleCount;
            }

            return;
        }

        speechFrames = speech ? speechFrames + 1 : 0;
        foreach (var sample in frame)
        {
            preroll.Enqueue(sample);
        }

        while (preroll.Count > PrerollSamples)
        {
            preroll.Dequeue();
        }

        if (speechFrames >= FramesToStart)
        {
            StartTurn(pending);
        }
    }

    private void StartTurn(List<short> pending)
    {
        inTurn = true;
        speechFrames = 0;
        turnStartSample = SampleCount - preroll.Count;
        lastSpeechSample = SampleCount;
        lastPartialSample = SampleCount;
        pending.AddRange(preroll);
        preroll.Clear();
        lastPartial = [];
        decoder.BeginUtterance();
        send(new SpeechStartedMessage((SampleCount - FramesToStart * FrameSamples) * 1000 / SampleRate));
    }

    private void SendPartial(double confidence)
    {
        lastPartialSample = SampleCount;
        var audioEndMs = SampleCount * 1000 / SampleRate;
        var recognised = Place(decoder.CurrentWords());
        var words = recognised.Select((word, i) => new StreamingWord(word.Start, word.End, word.Text, word.Confidence,
            WordIsFinal: word.End <= audioEndMs - FinalWordLagMs && i < lastPartial.Count && lastPartial[i].Text == word.Text && lastPartial[i].Start == word.Start))
            .ToList();
        if (words.Count == 0 || (words.Count == lastPartial.Count && words.Zip(lastPartial).All(pair => pair.First == pair.Second)))
        {
            return;
        }

        lastPartial = words;
        var transcript = string.Join(' ', words.TakeWhile(word => word.WordIsFinal).Select(word => word.Text));
        send(new TurnMessage(turnOrder, false, false, transcript, Math.Round(confidence, 4), words, ""));
    }

    private void EndTurn(double confidence)
    {
        inTurn = false;
        var words = Place(decoder.EndUtterance());
        if (words.Count == 0 && lastPartial.Count == 0)
        {
            return; // Noise, not speech: no turn was shown, none is ended.
        }

        var final = words.Select(word => new StreamingWord(word.Start, word.End, word.Text, word.Confidence, true)).ToList();
        var text = TranscriptFormatter.JoinText(words);
        send(new TurnMessage(turnOrder, false, true, text, Math.Round(confidence, 4), final, text));
        if (Settings.FormatTurns)
        {
            var options = FormattingOptions.AssemblyAiDefaults with { FilterProfanity = Settings.FilterProfanity };
            var formatted = TranscriptFormatter.Format(words, options);
            var formattedText = TranscriptFormatter.JoinText(formatted);
            send(new TurnMessage(turnOrder, true, true, formattedText, Math.Round(confidence, 4),
                [.. formatted.Select(word => new StreamingWord(word.Start, word.End, word.Text, word.Confidence, true))], formattedText));
        }

        turnOrder++;
        lastPartial = [];
    }

    /// <summary>Turn-relative words to session times, key term words spelled as the caller spelled them.</summary>
    private List<Word> Place(IReadOnlyList<RecognizedWord> words)
    {
        var offsetMs = (int)(turnStartSample * 1000 / SampleRate);
        return [.. words.Select(word => new Word(vocabulary?.Respell(word.Text) ?? word.Text, word.StartMs + offsetMs, word.EndMs + offsetMs, Math.Round(word.Confidence, 4)))];
    }
}
