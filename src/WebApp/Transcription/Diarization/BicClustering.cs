namespace WebApp.Transcription.Diarization;

/// <summary>
/// Agglomerative clustering of speech pieces, each cluster modelled as one full-covariance Gaussian, merging first the
/// pair whose merge costs least by the Bayesian information criterion (Chen and Gopalakrishnan, 1998):
/// ΔBIC = ½(n log|Σ| − n₁ log|Σ₁| − n₂ log|Σ₂|) − λ·½(d + d(d+1)/2)·log N.
/// The first term is how much better two Gaussians explain the frames than one; the second is what the extra model
/// costs. ΔBIC &lt; 0 means one voice explains both, so merging stops at the first pair with
/// ΔBIC ≥ 0. Four departures from the textbook, all measured (see the diarization bench):
/// <list type="bullet">
/// <item>N is all the speech, not the pair's frames, so λ only decides when to stop and never the order of merges.</item>
/// <item>
/// A cluster counts at most <see cref="DiarizerSettings.ClusterFrameCap"/> frames. A voice is not one Gaussian, so two halves of one speaker differ by
/// a likelihood gain that grows with every frame while the penalty grows with log N only: uncapped, the same λ that
/// finds 4 speakers in a minute finds 10 in five minutes. Capped, big clusters are compared as if each had
/// <see cref="DiarizerSettings.ClusterFrameCap"/> frames, which makes the rule independent of the recording's length.
/// </item>
/// <item>
/// With little speech (N below <see cref="DiarizerSettings.ShortSpeechFrames"/>) the penalty shrinks as (N / ShortSpeechFrames)^<see cref="DiarizerSettings.ShortSpeechExponent"/>.
/// People who say little give small clusters, and the gain of telling two small clusters apart grows with their
/// frames while the penalty stays put: in a one-minute file of five people, two who say three seconds each were
/// merged though the gain was several times what their own halves showed.
/// </item>
/// <item>
/// With little speech, each cluster's last merge is undone where the pair differed more than its size allows
/// (<see cref="TooDifferentForItsSize"/>): the penalty is the same for every pair, but the gain of telling two voices
/// apart grows with their frames, so two people who say three seconds each stay under it however unlike they sound.
/// Whatever the size, so is a merge whose sides' median pitch is far apart (<see cref="PitchApart"/>): the only test
/// of a side too short for a Gaussian over MFCCs.
/// </item>
/// </list>
/// λ makes up for neighbouring 10 ms frames not being independent observations.
/// </summary>
internal sealed class BicClustering(DiarizerSettings settings)
{
    /// <param name="piecePitch">ln F0 of each piece's frames, NaN where unvoiced (<see cref="PitchTracker"/>).</param>
    /// <param name="lowest">
    /// The fewest clusters: where ΔBIC stops below it, the merges whose two sides differed most per frame are undone
    /// until it is reached (<see cref="UndoMostDifferentMerges"/>).
    /// </param>
    /// <param name="highest">Merging goes on down to here even if ΔBIC would stop.</param>
    /// <param name="splitEveryCluster">
    /// The caller will bring the count down to a most-speakers count itself (<see cref="AlikeSpeakerMerging"/>): split
    /// each cluster along its last merge where its two sides pass <see cref="HeldOutGain"/>'s test, so that a person
    /// merged into another is a cluster of their own when the count is brought down.
    /// </param>
    /// <returns>The cluster of each piece, 0-based and dense.</returns>
    public int[] Cluster(IReadOnlyList<GaussianStatistics> pieces, IReadOnlyList<float[]> piecePitch, int lowest, int highest, bool splitEveryCluster, CancellationToken cancellationToken)
    {
        var count = pieces.Count;
        var dimensions = pieces[0].Dimensions;
        var frames = pieces.Sum(piece => piece.Count);
        var shortness = Math.Pow(Math.Min(1, frames / settings.ShortSpeechFrames), settings.ShortSpeechExponent);
        var penalty = shortness * settings.BicPenaltyWeight * 0.5 * (dimensions + dimensions * (dimensions + 1) / 2.0) * Math.Log(frames);
        var clusters = pieces.Select(Copy).ToArray();
        var logDeterminants = clusters.Select(cluster => cluster.LogDeterminant()).ToArray();
        var owner = Enumerable.Range(0, count).ToArray();
        var active = Enumerable.Repeat(true, count).ToArray();
        var cost = new double[count, count];
        var best = new int[count];
        // Only with little speech: in longer recordings people who say little still say enough for ΔBIC, and undoing
        // split side clusters of one voice there (a 30-minute file of the tuning part).
        var undoable = frames < settings.ShortSpeechFrames && settings.UndoSmallMerges;
        var merges = new List<Merge>();

        double MergeCost(int a, int b) => Gain(clusters[a], clusters[b], logDeterminants[a], logDeterminants[b]) - penalty;

        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                cost[i, j] = cost[j, i] = MergeCost(i, j);
            }
        }

        for (var i = 0; i < count; i++)
        {
            best[i] = BestPartner(i, cost, active);
        }

        var reachLowest = lowest > 1;
        for (var remaining = count; remaining > 1; remaining--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (keep, drop) = CheapestPair(best, cost, active);
            if (keep < 0 || (remaining <= highest && cost[keep, drop] >= 0))
            {
                break;
            }

            if (undoable || splitEveryCluster || reachLowest)
            {
                var moved = Enumerable.Range(0, count).Where(piece => owner[piece] == drop).ToArray();
                var kept = Enumerable.Range(0, count).Where(piece => owner[piece] == keep).ToArray();
                merges.Add(new Merge(cost[keep, drop] + penalty, clusters[keep].Count, clusters[drop].Count, moved, kept));
            }

            clusters[keep].Add(clusters[drop]);
            logDeterminants[keep] = clusters[keep].LogDeterminant();
            active[drop] = false;
            for (var piece = 0; piece < count; piece++)
            {
                if (owner[piece] == drop)
                {
                    owner[piece] = keep;
                }
            }

            for (var other = 0; other < count; other++)
            {
                if (active[other] && other != keep)
                {
                    cost[keep, other] = cost[other, keep] = MergeCost(keep, other);
                }
            }

            best[keep] = BestPartner(keep, cost, active);
            for (var other = 0; other < count; other++)
            {
                if (!active[other] || other == keep)
                {
                    continue;
                }

                if (best[other] == keep || best[other] == drop)
                {
                    best[other] = BestPartner(other, cost, active);
                }
                else if (cost[other, keep] < cost[other, best[other]])
                {
                    best[other] = keep;
                }
            }
        }

        // With little speech, every cluster's last merge is undone while its sides differed more than their size allows:
        // a person who says a few seconds was merged with someone anywhere in the tree, not only in the last merges.
        if (undoable)
        {
            SplitAlongLastMerges(merges, owner, merge => TooDifferentForItsSize(pieces, piecePitch, merge, penalty), untilNoneLeft: true);
        }

        if (reachLowest)
        {
            UndoMostDifferentMerges(pieces, merges, owner, lowest);
        }

        if (splitEveryCluster)
        {
            SplitAlongLastMerges(merges, owner, merge => TwoVoices(pieces, merge), untilNoneLeft: false);
        }

        return SpeakerNumbers.ByFirstAppearance(owner);
    }

    /// <summary>
    /// Brings the clusters up to <paramref name="lowest"/> by undoing, one at a time, the clusters' last merge whose
    /// sides <see cref="HeldOutGain"/> says were two voices most clearly (above its line, both sides long enough to
    /// measure); failing that, the latest such merge, which is what stopping ΔBIC early would have undone. Stopping
    /// early alone split a voice that talked for long and left merged one who said two sentences (a one-minute file
    /// of 4 speakers of the wide tuning files given the count: DER 26% against 5% without it; 2.5% this way).
    /// </summary>
    private void UndoMostDifferentMerges(IReadOnlyList<GaussianStatistics> pieces, List<Merge> merges, int[] owner, int lowest)
    {
        while (owner.Distinct().Count() < lowest)
        {
            var (mostDifferent, difference) = (-1, double.NegativeInfinity);
            var latest = -1;
            foreach (var last in owner.Distinct().Select(cluster => LastMergeOf(merges, owner, cluster)).Where(last => last >= 0))
            {
                latest = Math.Max(latest, last);
                var gain = LongEnough(merges[last]) ? HeldOutGainOf(pieces, merges[last]).Gain : double.NaN;
                if (!double.IsNaN(gain) && gain > difference)
                {
                    (mostDifferent, difference) = (last, gain);
                }
            }

            mostDifferent = mostDifferent >= 0 && difference > settings.TwoVoicesHeldOutGain ? mostDifferent : latest;
            if (mostDifferent < 0)
            {
                return;
            }

            Undo(merges, owner, mostDifferent);
        }
    }

    /// <summary>The index of the merge that made <paramref name="cluster"/> as it is now; -1 for a single piece.</summary>
    private static int LastMergeOf(List<Merge> merges, int[] owner, int cluster) =>
        merges.FindLastIndex(merge => owner[merge.KeptPieces[0]] == cluster && merge.MovedPieces.All(piece => owner[piece] == cluster));

    /// <summary>Gives the merged side its own cluster again, under a number no cluster has (made dense at the end).</summary>
    private static void Undo(List<Merge> merges, int[] owner, int merge) =>
        Array.ForEach(merges[merge].MovedPieces, piece => owner[piece] = owner.Length + merge);

    private static void SplitAlongLastMerges(List<Merge> merges, int[] owner, Func<Merge, bool> split, bool untilNoneLeft)
    {
        var judged = new bool[merges.Count];
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var cluster in owner.Distinct().ToArray())
            {
                var last = LastMergeOf(merges, owner, cluster);
                if (last < 0 || judged[last])
                {
                    continue;
                }

                judged[last] = true;
                if (split(merges[last]))
                {
                    Undo(merges, owner, last);
                    changed = untilNoneLeft;
                }
            }
        }
    }

    /// <summary>
    /// Whether a merge's gain was above penalty × (<see cref="DiarizerSettings.SmallMergeShare"/> + h /
    /// <see cref="DiarizerSettings.SmallMergeScaleFrames"/>), h = n₁n₂/(n₁+n₂) the pair's (capped) frames as they
    /// weigh in the gain, both sides at least <see cref="DiarizerSettings.SmallMergeShortestFrames"/>, and two models
    /// predict the pair's frames they were not fitted to better than one by more than
    /// <see cref="DiarizerSettings.TwoVoicesHeldOutGain"/> per frame (<see cref="HeldOutGain"/>). Measured on
    /// the tuning part: the gain alone put fragments of one real voice at the same height as two people; fitted on
    /// half of each side and scored on the other half, a fragment of a voice predicts no better than the whole voice.
    /// Below the size line, a merge is still undone when the held-out gain is above its line by
    /// <see cref="DiarizerSettings.HeldOutConfidentErrors"/> standard errors: the size line guards against a gain
    /// measured on too little speech, which such a gain is not.
    /// </summary>
    private bool TooDifferentForItsSize(IReadOnlyList<GaussianStatistics> pieces, IReadOnlyList<float[]> piecePitch, Merge merge, double penalty)
    {
        var (n1, n2) = (Math.Min(settings.ClusterFrameCap, merge.FirstFrames), Math.Min(settings.ClusterFrameCap, merge.SecondFrames));
        var pairFrames = n1 * n2 / (n1 + n2);
        var aboveSizeLine = merge.Gain > penalty * (settings.SmallMergeShare + pairFrames / settings.SmallMergeScaleFrames);
        if (PitchApart(piecePitch, merge))
        {
            return true;
        }

        if (!LongEnough(merge))
        {
            return false;
        }

        var (gain, error) = HeldOutGainOf(pieces, merge);
        return gain > settings.TwoVoicesHeldOutGain && (aboveSizeLine || gain - settings.HeldOutConfidentErrors * error > settings.TwoVoicesHeldOutGain);
    }

    /// <summary>
    /// Whether the merge joined two voices: both sides at least <see cref="DiarizerSettings.SmallMergeShortestFrames"/>
    /// (shorter is a fragment of a voice, not a person) and <see cref="HeldOutGain"/> above the line.
    /// </summary>
    private bool TwoVoices(IReadOnlyList<GaussianStatistics> pieces, Merge merge) =>
        LongEnough(merge) && HeldOutGainOf(pieces, merge).Gain > settings.TwoVoicesHeldOutGain;

    /// <summary>
    /// Whether the median pitch of the merge's two sides is more than <see cref="DiarizerSettings.TwoVoicesPitchSemitones"/>
    /// apart (<see cref="PitchTracker"/>): a side too short for a Gaussian over MFCCs still has enough voiced frames
    /// for a median, and pitch is a cue the MFCCs (which leave out most of it) and their held-out gain do not weigh.
    /// </summary>
    private bool PitchApart(IReadOnlyList<float[]> piecePitch, Merge merge) =>
        settings.PitchSaysTwoVoices(merge.KeptPieces.SelectMany(piece => piecePitch[piece]), merge.MovedPieces.SelectMany(piece => piecePitch[piece]));

    private bool LongEnough(Merge merge) => Math.Min(merge.FirstFrames, merge.SecondFrames) >= settings.SmallMergeShortestFrames;

    private (double Gain, double StandardError) HeldOutGainOf(IReadOnlyList<GaussianStatistics> pieces, Merge merge)
    {
        GaussianStatistics[] Side(int[] side) => side.Select(piece => pieces[piece]).ToArray();
        return HeldOutGain.Measure(Side(merge.KeptPieces), Side(merge.MovedPieces), settings.HeldOutShrinkFrames);
    }

    /// <param name="MovedPieces">The pieces of the cluster that was merged into the other.</param>
    /// <param name="KeptPieces">The pieces of the cluster it was merged into, as they were before.</param>
    private sealed record Merge(double Gain, double FirstFrames, double SecondFrames, int[] MovedPieces, int[] KeptPieces);

    /// <summary>How much better two Gaussians explain the (capped) frames than one: the first term of ΔBIC.</summary>
    private double Gain(GaussianStatistics first, GaussianStatistics second, double firstLogDeterminant, double secondLogDeterminant)
    {
        var firstWeight = Math.Min(1, settings.ClusterFrameCap / first.Count);
        var secondWeight = Math.Min(1, settings.ClusterFrameCap / second.Count);
        var (n1, n2) = (firstWeight * first.Count, secondWeight * second.Count);
        return 0.5 * ((n1 + n2) * first.LogDeterminant(second, firstWeight, secondWeight) - n1 * firstLogDeterminant - n2 * secondLogDeterminant);
    }

    private static int BestPartner(int cluster, double[,] cost, bool[] active)
    {
        var best = -1;
        for (var other = 0; other < active.Length; other++)
        {
            if (active[other] && other != cluster && (best < 0 || cost[cluster, other] < cost[cluster, best]))
            {
                best = other;
            }
        }

        return best;
    }

    private static (int Keep, int Drop) CheapestPair(int[] best, double[,] cost, bool[] active)
    {
        var (keep, drop) = (-1, -1);
        for (var cluster = 0; cluster < active.Length; cluster++)
        {
            if (active[cluster] && best[cluster] >= 0 && (keep < 0 || cost[cluster, best[cluster]] < cost[keep, drop]))
            {
                (keep, drop) = (cluster, best[cluster]);
            }
        }

        return (keep, drop);
    }

    private static GaussianStatistics Copy(GaussianStatistics piece)
    {
        var copy = new GaussianStatistics(piece.Dimensions);
        copy.Add(piece);
        return copy;
    }
}
