using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Transcription.Diarization;

/// <summary>
/// Who spoke when, from the signal alone (no speaker-embedding model is available): speech frames by loudness, MFCC
/// features, pieces of about a second clustered by ΔBIC, then frame-level Viterbi resegmentation so short turns keep
/// their own speaker, and last, speakers whose models do not tell their frames apart merged (<see cref="AlikeSpeakerMerging"/>). Two clusters whose median pitch (<see cref="PitchTracker"/>) is far apart are kept as two people, at any size: the one test of a side too short for those models. Holds only read-only tables, so one instance serves concurrent calls.
/// </summary>
public sealed class SpeakerDiarizer(DiarizerSettings settings)
{
    private const int FramesPerSecond = 100;
    private const int MillisecondsPerFrame = 1000 / FramesPerSecond;

    /// <summary>Speech runs shorter than this get no piece of their own; resegmentation labels them.</summary>
    private const int ShortestPieceFrames = 50;

    /// <summary>At most this many speakers leave clustering (splitting for a most-speakers count can double them); resegmentation keeps one byte per frame and speaker.</summary>
    private const int MostClusters = 128;

    private readonly MfccExtractor extractor = new();
    private readonly BicClustering clustering = new(settings);
    private readonly ViterbiResegmentation resegmentation = new(settings.SwitchPenalty, settings.PauseSwitchPenalty, settings.ResegmentationPasses);
    private readonly AlikeSpeakerMerging alikeMerging = new(settings);

    public SpeakerDiarizer() : this(DiarizerSettings.Default)
    {
    }

    /// <returns>The speaker of each word, 0-based in order of first appearance among the words (0 is "A").</returns>
    public Task<IReadOnlyList<int>> AssignSpeakersAsync(DecodedAudio audio, IReadOnlyList<RecognizedWord> words, SpeakerCountHint hint, CancellationToken cancellationToken) =>
        Task.Run(() => WordSpeakers.Assign(words, Diarize(audio, hint, cancellationToken)), cancellationToken);

    /// <returns>Speaker turns in time order, speakers numbered in order of first appearance.</returns>
    public IReadOnlyList<SpeakerTurn> Diarize(DecodedAudio audio, SpeakerCountHint hint, CancellationToken cancellationToken = default)
    {
        var speech = SpeechActivity.Detect(FrameLoudness.Measure(audio));
        var speechFrames = Enumerable.Range(0, speech.Length).Where(frame => speech[frame]).ToArray();
        if (speechFrames.Length == 0)
        {
            return [];
        }

        var features = extractor.Extract(audio, cancellationToken);
        var pieces = Pieces(speechFrames);
        // ΔBIC stops where it would with no count given (never below the fewest allowed); a most-speakers count is
        // reached afterwards by the held-out merging, which merged one voice's clusters before two people's where ΔBIC
        // did not (a 60-minute file of the tuning part given 4 speakers: DER 47% with ΔBIC, 0% this way). Hostile audio
        // (a tone sweep: 60 clusters in 5 minutes) is still bounded: ΔBIC merges on down to a few times the count, or
        // to MostClusters, so resegmentation's cost stays in proportion and its back-pointers fit in a byte.
        var countLimited = hint.Highest < int.MaxValue;
        var highest = countLimited ? (int)Math.Clamp(3L * hint.Highest, 16, MostClusters / 2) : MostClusters;
        var pitch = PitchTracker.LogPitch(audio, speechFrames, cancellationToken);
        var piecePitch = pieces.Select(piece => pitch.AsSpan(piece.Start, piece.Length).ToArray()).ToArray();
        var pieceSpeakers = clustering.Cluster(pieces.Select(piece => Statistics(features, speechFrames, piece)).ToArray(), piecePitch, Math.Min(hint.Lowest, highest), highest, countLimited, cancellationToken);
        var labels = Enumerable.Repeat(-1, speechFrames.Length).ToArray();
        for (var i = 0; i < pieces.Count; i++)
        {
            Array.Fill(labels, pieceSpeakers[i], pieces[i].Start, pieces[i].Length);
        }

        resegmentation.Resegment(features, speechFrames, labels, pieceSpeakers.Max() + 1, cancellationToken);
        if (alikeMerging.Merge(features, speechFrames, labels, pitch, hint, cancellationToken))
        {
            resegmentation.Resegment(features, speechFrames, labels, labels.Max() + 1, cancellationToken);
        }

        return Turns(speechFrames, labels);
    }

    /// <summary>
    /// Each run of speech frames cut into equal pieces of about <see cref="DiarizerSettings.PieceSeconds"/>, never
    /// across a pause (where speakers usually change), as ranges of indices into <paramref name="speechFrames"/>.
    /// </summary>
    private List<(int Start, int Length)> Pieces(int[] speechFrames)
    {
        var pieceFrames = Math.Max(settings.PieceSeconds * FramesPerSecond, (double)speechFrames.Length / settings.MaximumPieces);
        var pieces = new List<(int, int)>();
        for (var runStart = 0; runStart < speechFrames.Length;)
        {
            var runEnd = runStart + 1;
            while (runEnd < speechFrames.Length && speechFrames[runEnd] == speechFrames[runEnd - 1] + 1)
            {
                runEnd++;
            }

            var length = runEnd - runStart;
            if (length >= ShortestPieceFrames)
            {
                var count = Math.Max(1, (int)Math.Round(length / pieceFrames));
                for (var i = 0; i < count; i++)
                {
                    var start = runStart + length * i / count;
                    pieces.Add((start, runStart + length * (i + 1) / count - start));
                }
            }

            runStart = runEnd;
        }

        // Nothing but short bursts: one piece for all of it still gives resegmentation a model to start from.
        return pieces.Count > 0 ? pieces : [(0, speechFrames.Length)];
    }

    private static GaussianStatistics Statistics(FeatureMatrix features, int[] speechFrames, (int Start, int Length) piece)
    {
        var statistics = new GaussianStatistics(features.Dimensions);
        for (var i = piece.Start; i < piece.Start + piece.Length; i++)
        {
            statistics.Add(features.Row(speechFrames[i]));
        }

        return statistics;
    }

    /// <summary>Runs of one speaker's frames, joined across that speaker's own short pauses, renumbered by first appearance.</summary>
    private List<SpeakerTurn> Turns(int[] speechFrames, int[] labels)
    {
        var bridgeFrames = (int)(settings.BridgeSeconds * FramesPerSecond);
        var numbers = new Dictionary<int, int>();
        var turns = new List<SpeakerTurn>();
        var start = 0;
        for (var i = 1; i <= speechFrames.Length; i++)
        {
            var continues = i < speechFrames.Length && labels[i] == labels[start] && speechFrames[i] - speechFrames[i - 1] <= bridgeFrames;
            if (continues)
            {
                continue;
            }

            if (!numbers.TryGetValue(labels[start], out var speaker))
            {
                speaker = numbers[labels[start]] = numbers.Count;
            }

            turns.Add(new SpeakerTurn(speechFrames[start] * MillisecondsPerFrame, (speechFrames[i - 1] + 1) * MillisecondsPerFrame, speaker));
            start = i;
        }

        return turns;
    }
}
