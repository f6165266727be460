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
/// A cluster counts at most <c>frameCap</c> frames. A voice is not one Gaussian, so two halves of one speaker differ by
/// a likelihood gain that grows with every frame while the penalty grows with log N only: uncapped, the same λ that
/// finds 4 speakers in a minute finds 10 in five minutes. Capped, big clusters are compared as if each had
/// <c>frameCap</c> frames, which makes the rule independent of the recording's length.
/// </item>
/// <item>
/// With little speech (N below <c>shortSpeechFrames</c>) the penalty shrinks as (N / shortSpeechFrames)^<c>shortSpeechExponent</c>.
/// People who say little give small clusters, and the gain of telling two small clusters apart grows with their
/// frames while the penalty stays put: in a one-minute file of five people, two who say three seconds each were
/// merged though the gain was several times what their own halves showed.
/// </item>
/// </list>
/// λ makes up for neighbouring 10 ms frames not being independent observations.
/// </summary>
internal sealed class BicClustering(double penaltyWeight, double frameCap, double shortSpeechFrames, double shortSpeechExponent)
{
    /// <returns>The cluster of each piece, 0-based and dense.</returns>
    public int[] Cluster(IReadOnlyList<GaussianStatistics> pieces, SpeakerCountHint hint, CancellationToken cancellationToken)
    {
        var count = pieces.Count;
        var dimensions = pieces[0].Dimensions;
        var frames = pieces.Sum(piece => piece.Count);
        var shortness = Math.Pow(Math.Min(1, frames / shortSpeechFrames), shortSpeechExponent);
        var penalty = shortness * penaltyWeight * 0.5 * (dimensions + dimensions * (dimensions + 1) / 2.0) * Math.Log(frames);
        var clusters = pieces.Select(Copy).ToArray();
        var logDeterminants = clusters.Select(cluster => cluster.LogDeterminant()).ToArray();
        var owner = Enumerable.Range(0, count).ToArray();
        var active = Enumerable.Repeat(true, count).ToArray();
        var cost = new double[count, count];
        var best = new int[count];

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

        return Renumber(owner);
    }

    /// <summary>How much better two Gaussians explain the (capped) frames than one: the first term of ΔBIC.</summary>
    private double Gain(GaussianStatistics first, GaussianStatistics second, double firstLogDeterminant, double secondLogDeterminant)
    {
        var firstWeight = Math.Min(1, frameCap / first.Count);
        var secondWeight = Math.Min(1, frameCap / second.Count);
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
