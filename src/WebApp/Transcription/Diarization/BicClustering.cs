namespace WebApp.Transcription.Diarization;

/// <summary>
/// Agglomerative clustering of speech pieces, each cluster modelled as one full-covariance Gaussian, merging first the
/// pair whose merge costs least by the Bayesian information criterion (Chen and Gopalakrishnan, 1998):
/// ΔBIC = ½(n log|Σ| − n₁ log|Σ₁| − n₂ log|Σ₂|) − λ·½(d + d(d+1)/2)·log N.
/// The first term is how much better two Gaussians explain the frames than one; the second is what the extra model
/// costs. ΔBIC &lt; 0 means one voice explains both, so with no count given merging stops at the first pair with
/// ΔBIC ≥ 0. Three departures from the textbook, all measured (see the diarization bench):
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
/// With no count given and little speech, the last few merges are undone where the pair differed more than its size allows
/// (<see cref="TooDifferentForItsSize"/>): the penalty is the same for every pair, but the gain of telling two voices
/// apart grows with their frames, so two people who say three seconds each stay under it however unlike they sound.
/// </item>
/// </list>
/// λ makes up for neighbouring 10 ms frames not being independent observations.
/// </summary>
internal sealed class BicClustering(DiarizerSettings settings)
{
    /// <returns>The cluster of each piece, 0-based and dense.</returns>
    public int[] Cluster(IReadOnlyList<GaussianStatistics> pieces, SpeakerCountHint hint, CancellationToken cancellationToken)
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
        // Only with no count given and little speech: in longer recordings people who say little still say enough for
        // ΔBIC, and undoing split side clusters of one voice there (a 30-minute file of the tuning part).
        var undoable = hint.Exact is null && frames < settings.ShortSpeechFrames && settings.SmallMergeLastMerges > 0;
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

        for (var remaining = count; remaining > hint.Lowest; remaining--)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (keep, drop) = CheapestPair(best, cost, active);
            if (keep < 0 || (remaining <= hint.Highest && cost[keep, drop] >= 0))
            {
                break;
            }

            if (undoable)
            {
                var moved = Enumerable.Range(0, count).Where(piece => owner[piece] == drop).ToArray();
                var kept = Enumerable.Range(0, count).Where(piece => owner[piece] == keep).ToArray();
                merges.Add(new Merge(remaining <= hint.Highest, cost[keep, drop] + penalty, clusters[keep].Count, clusters[drop].Count, moved, kept));
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

        if (undoable)
        {
            UndoMergesTooDifferentForTheirSize(pieces, merges, owner, hint.Highest, penalty);
        }

        return Renumber(owner);
    }

    /// <summary>
    /// Walks back over the last <see cref="DiarizerSettings.SmallMergeLastMerges"/> merges that the stopping rule chose
    /// (not those a maximum count forced) and gives back their own cluster to the pieces of each that was too
    /// different for its size, while the count stays within <paramref name="highest"/>.
    /// </summary>
    private void UndoMergesTooDifferentForTheirSize(IReadOnlyList<GaussianStatistics> pieces, List<Merge> merges, int[] owner, int highest, double penalty)
    {
        var clusters = owner.Distinct().Count();
        var oldest = Math.Max(0, merges.Count - settings.SmallMergeLastMerges);
        for (var i = merges.Count - 1; i >= oldest && merges[i].Chosen && clusters < highest; i--)
        {
            if (TooDifferentForItsSize(pieces, merges[i], penalty))
            {
                // A number no cluster has: Renumber makes them dense.
                Array.ForEach(merges[i].MovedPieces, piece => owner[piece] = owner.Length + i);
                clusters++;
            }
        }
    }

    /// <summary>
    /// Whether a merge's gain was above penalty × (<see cref="DiarizerSettings.SmallMergeShare"/> + h /
    /// <see cref="DiarizerSettings.SmallMergeScaleFrames"/>), h = n₁n₂/(n₁+n₂) the pair's (capped) frames as they
    /// weigh in the gain, both sides at least <see cref="DiarizerSettings.SmallMergeShortestFrames"/>, and two models
    /// predict the pair's frames they were not fitted to better than one by more than
    /// <see cref="DiarizerSettings.SmallMergeHeldOutGain"/> per frame (<see cref="CrossValidatedGain"/>). Measured on
    /// the tuning part: the gain alone put fragments of one real voice at the same height as two people; fitted on
    /// half of each side and scored on the other half, a fragment of a voice predicts no better than the whole voice.
    /// </summary>
    private bool TooDifferentForItsSize(IReadOnlyList<GaussianStatistics> pieces, Merge merge, double penalty)
    {
        var (n1, n2) = (Math.Min(settings.ClusterFrameCap, merge.FirstFrames), Math.Min(settings.ClusterFrameCap, merge.SecondFrames));
        var pairFrames = n1 * n2 / (n1 + n2);
        return Math.Min(n1, n2) >= settings.SmallMergeShortestFrames
            && merge.Gain > penalty * (settings.SmallMergeShare + pairFrames / settings.SmallMergeScaleFrames)
            && CrossValidatedGain(pieces, merge, settings.SmallMergeShrinkFrames) > settings.SmallMergeHeldOutGain;
    }

    /// <summary>
    /// Per frame, how much better two models than one predict frames they were not fitted to: each side's pieces in
    /// two alternating folds, models fitted on one fold and scored on the other, each side's covariance shrunk toward
    /// the pair's with <paramref name="shrinkFrames"/> frames of weight, so a side of a few seconds cannot win by
    /// overfitting its 136 covariance terms and is judged mostly by its mean.
    /// </summary>
    private static double CrossValidatedGain(IReadOnlyList<GaussianStatistics> pieces, Merge merge, double shrinkFrames)
    {
        var dimensions = pieces[0].Dimensions;
        double total = 0, frames = 0;
        for (var fold = 0; fold < 2; fold++)
        {
            var (trainA, testA) = Folds(pieces, merge.KeptPieces, fold, dimensions);
            var (trainB, testB) = Folds(pieces, merge.MovedPieces, fold, dimensions);
            if (trainA.Count < 2 * dimensions || trainB.Count < 2 * dimensions || testA.Count == 0 || testB.Count == 0)
            {
                return double.NaN;
            }

            var joint = new GaussianStatistics(dimensions);
            joint.Add(trainA);
            joint.Add(trainB);
            var jointCovariance = joint.Covariance();
            total += HeldOut(trainA, jointCovariance, shrinkFrames, testA) + HeldOut(trainB, jointCovariance, shrinkFrames, testB)
                - HeldOut(joint, jointCovariance, 0, testA) - HeldOut(joint, jointCovariance, 0, testB);
            frames += testA.Count + testB.Count;
        }

        return total / frames;
    }

    private static (GaussianStatistics Train, GaussianStatistics Test) Folds(IReadOnlyList<GaussianStatistics> pieces, int[] side, int fold, int dimensions)
    {
        var (train, test) = (new GaussianStatistics(dimensions), new GaussianStatistics(dimensions));
        for (var i = 0; i < side.Length; i++)
        {
            (i % 2 == fold ? train : test).Add(pieces[side[i]]);
        }

        return (train, test);
    }

    /// <summary>Log-likelihood of <paramref name="test"/>'s frames under a Gaussian fitted to <paramref name="train"/>, from their statistics alone.</summary>
    private static double HeldOut(GaussianStatistics train, double[] prior, double shrinkFrames, GaussianStatistics test)
    {
        var d = train.Dimensions;
        var own = train.Covariance();
        var covariance = new double[d * d];
        for (var i = 0; i < own.Length; i++)
        {
            covariance[i] = (train.Count * own[i] + shrinkFrames * prior[i]) / (train.Count + shrinkFrames);
        }

        var logDeterminant = Cholesky.Factor(covariance, d);
        // L⁻¹ by forward substitution, then Σ⁻¹ = L⁻ᵀL⁻¹.
        var inverseFactor = new double[d * d];
        for (var column = 0; column < d; column++)
        {
            for (var i = column; i < d; i++)
            {
                var value = i == column ? 1.0 : 0.0;
                for (var k = column; k < i; k++)
                {
                    value -= covariance[i * d + k] * inverseFactor[k * d + column];
                }

                inverseFactor[i * d + column] = value / covariance[i * d + i];
            }
        }

        var precision = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                double sum = 0;
                for (var k = Math.Max(i, j); k < d; k++)
                {
                    sum += inverseFactor[k * d + i] * inverseFactor[k * d + j];
                }

                precision[i * d + j] = sum;
            }
        }

        var testCovariance = test.Covariance();
        var (trainMean, testMean) = (train.Mean(), test.Mean());
        double trace = 0, mahalanobis = 0;
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var c = i >= j ? testCovariance[i * d + j] : testCovariance[j * d + i];
                trace += precision[i * d + j] * c;
                mahalanobis += (testMean[i] - trainMean[i]) * precision[i * d + j] * (testMean[j] - trainMean[j]);
            }
        }

        return -0.5 * test.Count * (logDeterminant + trace + mahalanobis);
    }

    /// <param name="Chosen">Made by the stopping rule rather than forced by a maximum count.</param>
    /// <param name="MovedPieces">The pieces of the cluster that was merged into the other.</param>
    /// <param name="KeptPieces">The pieces of the cluster it was merged into, as they were before.</param>
    private sealed record Merge(bool Chosen, double Gain, double FirstFrames, double SecondFrames, int[] MovedPieces, int[] KeptPieces);

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

    private static int[] Renumber(int[] owner)
    {
        var numbers = new Dictionary<int, int>();
        return owner.Select(cluster => numbers.TryGetValue(cluster, out var number) ? number : numbers[cluster] = numbers.Count).ToArray();
    }
}
