namespace WebApp.Transcription.Diarization;

/// <summary>
/// The last word on the count, after resegmentation: merges the pair of speakers that two models tell apart least
/// on frames they were not fitted to (<see cref="HeldOutGain"/>), again and again, while that gain is below
/// <see cref="DiarizerSettings.TwoVoicesHeldOutGain"/> or there are more speakers than the caller allows. ΔBIC decides
/// on capped frame counts with a penalty tuned on synthetic voices: side clusters of a real voice, which varies more,
/// survive it, and merging down to a given count by ΔBIC merged two people before two clusters of one. Measured on
/// the tuning part: by held-out gain, every pair of one voice's clusters came before any pair of two people.
/// Speakers far apart in pitch (<see cref="DiarizerSettings.TwoVoicesPitchSemitones"/>) are merged only to meet a count.
/// </summary>
internal sealed class AlikeSpeakerMerging(DiarizerSettings settings)
{
    /// <summary>Runs of one speaker's frames are cut into chunks this long, and each speaker's chunks dealt alternately into two folds.</summary>
    private const int ChunkFrames = 100;

    /// <param name="labels">Speaker of each speech frame, from 0; renumbered densely in place if any are merged.</param>
    /// <param name="pitch">ln F0 of each speech frame, NaN where unvoiced (<see cref="PitchTracker"/>).</param>
    /// <returns>Whether any speakers were merged.</returns>
    public bool Merge(FeatureMatrix features, int[] speechFrames, int[] labels, float[] pitch, SpeakerCountHint hint, CancellationToken cancellationToken)
    {
        var folds = Folds(features, speechFrames, labels);
        var voiced = Enumerable.Range(0, folds.Length).Select(_ => new List<float>()).ToArray();
        for (var i = 0; i < labels.Length; i++)
        {
            voiced[labels[i]].Add(pitch[i]);
        }

        var owner = Enumerable.Range(0, folds.Length).ToArray();
        // Each pair's gain once, and after a merge only the merged speaker's row again (as ΔBIC's costs).
        var gains = new double[folds.Length, folds.Length];
        // As in BicClustering's undo, speakers whose pitch is far apart are two people: else the clusters it gave back
        // for their pitch are merged again here.
        var apart = new bool[folds.Length, folds.Length];
        for (var a = 0; a < folds.Length; a++)
        {
            for (var b = a + 1; b < folds.Length; b++)
            {
                gains[a, b] = gains[b, a] = Gain(folds[a], folds[b]);
                apart[a, b] = apart[b, a] = settings.PitchSaysTwoVoices(voiced[a], voiced[b]);
            }
        }

        var merged = false;
        for (var remaining = folds.Count(side => side is not null); remaining > hint.Lowest; remaining--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (keep, drop, least) = (-1, -1, double.MaxValue);
            // More speakers than allowed: the least gain is merged whatever the pitch.
            var forced = remaining > hint.Highest;
            for (var a = 0; a < folds.Length; a++)
            {
                for (var b = a + 1; b < folds.Length; b++)
                {
                    // NaN (no speaker, or one too small to fit a model in each fold) is never the least.
                    if (gains[a, b] < least && (forced || !apart[a, b]))
                    {
                        (keep, drop, least) = (a, b, gains[a, b]);
                    }
                }
            }

            if (keep < 0 || (remaining <= hint.Highest && least >= settings.TwoVoicesHeldOutGain))
            {
                break;
            }

            voiced[keep].AddRange(voiced[drop]);
            folds[keep]![0].Add(folds[drop]![0]);
            folds[keep]![1].Add(folds[drop]![1]);
            folds[drop] = null;
            for (var other = 0; other < folds.Length; other++)
            {
                gains[drop, other] = gains[other, drop] = double.NaN;
                if (other != keep && other != drop)
                {
                    gains[keep, other] = gains[other, keep] = Gain(folds[keep], folds[other]);
                    apart[keep, other] = apart[other, keep] = settings.PitchSaysTwoVoices(voiced[keep], voiced[other]);
                }
            }

            Array.ForEach(Enumerable.Range(0, owner.Length).Where(speaker => owner[speaker] == drop).ToArray(), speaker => owner[speaker] = keep);
            merged = true;
        }

        if (merged)
        {
            SpeakerNumbers.ByFirstAppearance(labels.Select(speaker => owner[speaker])).CopyTo(labels, 0);
        }

        return merged;
    }

    private double Gain(GaussianStatistics[]? first, GaussianStatistics[]? second) =>
        first is null || second is null ? double.NaN : HeldOutGain.Measure(first, second, settings.HeldOutShrinkFrames).Gain;

    /// <summary>Each speaker's frames as two folds of alternate chunks, or null for a number no frame has.</summary>
    private static GaussianStatistics[]?[] Folds(FeatureMatrix features, int[] speechFrames, int[] labels)
    {
        var speakers = labels.Max() + 1;
        var folds = Enumerable.Range(0, speakers).Select(_ => new[] { new GaussianStatistics(features.Dimensions), new GaussianStatistics(features.Dimensions) }).ToArray();
        var chunks = new int[speakers];
        for (var start = 0; start < labels.Length;)
        {
            var end = start + 1;
            while (end < labels.Length && labels[end] == labels[start] && end - start < ChunkFrames)
            {
                end++;
            }

            var fold = folds[labels[start]][chunks[labels[start]]++ % 2];
            for (var i = start; i < end; i++)
            {
                fold.Add(features.Row(speechFrames[i]));
            }

            start = end;
        }

        return folds.Select(side => side[0].Count > 0 ? side : null).ToArray();
    }
}
