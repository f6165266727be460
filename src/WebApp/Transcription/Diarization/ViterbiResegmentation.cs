namespace WebApp.Transcription.Diarization;

/// <summary>
/// Moves the clustering's boundaries to the frame: fits a model to each speaker's frames, finds the likeliest
/// sequence of speakers over the speech frames with a fixed cost per change of speaker (Viterbi), and repeats with
/// models fitted to the new labels. Clustering works on pieces of a second or more, so without this a turn of one or
/// two seconds would be smeared into its neighbours.
/// </summary>
/// <param name="switchPenalty">Log-likelihood a change of speaker must win by (inside continuous speech).</param>
/// <param name="pauseSwitchPenalty">The same across a pause, where people usually take turns.</param>
internal sealed class ViterbiResegmentation(double switchPenalty, double pauseSwitchPenalty, int iterations)
{
    /// <param name="speechFrames">Indices of the speech frames, ascending.</param>
    /// <param name="labels">Speaker of each speech frame, or -1 where unknown; updated in place.</param>
    public void Resegment(FeatureMatrix features, int[] speechFrames, int[] labels, int speakerCount, CancellationToken cancellationToken)
    {
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var models = FitModels(features, speechFrames, labels, speakerCount);
            if (models.Count(model => model is not null) < 2)
            {
                // One voice (or none) left: every frame is that voice's.
                var only = Array.FindIndex(models, model => model is not null);
                Array.Fill(labels, Math.Max(0, only));
                return;
            }

            Decode(features, speechFrames, labels, models, cancellationToken);
        }
    }

    private static SpeakerModel?[] FitModels(FeatureMatrix features, int[] speechFrames, int[] labels, int speakerCount)
    {
        var statistics = Enumerable.Range(0, speakerCount).Select(_ => new GaussianStatistics(features.Dimensions)).ToArray();
        for (var i = 0; i < speechFrames.Length; i++)
        {
            if (labels[i] >= 0)
            {
                statistics[labels[i]].Add(features.Row(speechFrames[i]));
            }
        }

        // Fewer frames than parameters would make a degenerate Gaussian that claims everything or nothing.
        var minimumFrames = 2 * features.Dimensions;
        return statistics.Select(s => s.Count >= minimumFrames ? new SpeakerModel(s) : null).ToArray();
    }

    private void Decode(FeatureMatrix features, int[] speechFrames, int[] labels, SpeakerModel?[] models, CancellationToken cancellationToken)
    {
        var states = models.Length;
        var score = new double[states];
        var next = new double[states];
        var cameFrom = new byte[speechFrames.Length * states];
        var scratch = new double[features.Dimensions];

        for (var t = 0; t < speechFrames.Length; t++)
        {
            if (t % 10000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var frame = features.Row(speechFrames[t]);
            var penalty = t > 0 && speechFrames[t] - speechFrames[t - 1] > 1 ? pauseSwitchPenalty : switchPenalty;
            var (leader, runnerUp) = TopTwo(score);
            for (var state = 0; state < states; state++)
            {
                if (models[state] is not { } model)
                {
                    next[state] = double.NegativeInfinity;
                    continue;
                }

                var bestOther = leader == state ? runnerUp : leader;
                var (from, previous) = t == 0 || score[state] >= score[bestOther] - penalty
                    ? (state, score[state])
                    : (bestOther, score[bestOther] - penalty);
                next[state] = previous + model.LogLikelihood(frame, scratch);
                cameFrom[t * states + state] = (byte)from;
            }

            (score, next) = (next, score);
        }

        var current = TopTwo(score).Leader;
        for (var t = speechFrames.Length - 1; t >= 0; t--)
        {
            labels[t] = current;
            current = cameFrom[t * states + current];
        }
    }

    private static (int Leader, int RunnerUp) TopTwo(double[] score)
    {
        var (leader, runnerUp) = (0, score.Length > 1 ? 1 : 0);
        if (score.Length > 1 && score[runnerUp] > score[leader])
        {
            (leader, runnerUp) = (runnerUp, leader);
        }

        for (var state = 2; state < score.Length; state++)
        {
            if (score[state] > score[leader])
            {
                (leader, runnerUp) = (state, leader);
            }
            else if (score[state] > score[runnerUp])
            {
                runnerUp = state;
            }
        }

        return (leader, runnerUp);
    }
}
