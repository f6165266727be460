using WebApp.Transcription.Diarization;

namespace WebApp.Tests.Transcription.Diarization;

/// <summary>
/// Diarization error rate as NIST defines it: (missed speech + false alarm + speaker confusion) / reference speech,
/// with hypothesis speakers mapped one-to-one onto reference speakers the way that makes the error least, scored on a
/// 10 ms grid, leaving out a collar either side of every reference boundary (hand-marked boundaries are that
/// uncertain). Assumes no overlapping speech. Free of xunit so the benchmark can link it too.
/// </summary>
public sealed record DiarizationErrorRate(double MissedSeconds, double FalseAlarmSeconds, double ConfusionSeconds, double ReferenceSeconds)
{
    public const int StandardCollarMs = 250;
    private const int StepMs = 10;

    public double Rate => ReferenceSeconds == 0 ? 0 : (MissedSeconds + FalseAlarmSeconds + ConfusionSeconds) / ReferenceSeconds;

    public static DiarizationErrorRate operator +(DiarizationErrorRate a, DiarizationErrorRate b) =>
        new(a.MissedSeconds + b.MissedSeconds, a.FalseAlarmSeconds + b.FalseAlarmSeconds, a.ConfusionSeconds + b.ConfusionSeconds, a.ReferenceSeconds + b.ReferenceSeconds);

    public static DiarizationErrorRate Zero { get; } = new(0, 0, 0, 0);

    public override string ToString() =>
        $"{Rate:P1} (miss {Share(MissedSeconds)}, false alarm {Share(FalseAlarmSeconds)}, confusion {Share(ConfusionSeconds)})";

    public static DiarizationErrorRate Measure(IReadOnlyList<SpeakerTurn> reference, IReadOnlyList<SpeakerTurn> hypothesis, int collarMs = StandardCollarMs)
    {
        var end = reference.Concat(hypothesis).Select(turn => turn.EndMs).DefaultIfEmpty(0).Max();
        var steps = (end + StepMs - 1) / StepMs;
        var expected = Grid(reference, steps);
        var actual = Grid(hypothesis, steps);
        var scored = Enumerable.Repeat(true, steps).ToArray();
        foreach (var turn in reference)
        {
            foreach (var boundary in new[] { turn.StartMs, turn.EndMs })
            {
                for (var step = Math.Max(0, (boundary - collarMs) / StepMs); step < Math.Min(steps, (boundary + collarMs) / StepMs); step++)
                {
                    scored[step] = false;
                }
            }
        }

        var referenceSpeakers = reference.Select(turn => turn.Speaker).DefaultIfEmpty(-1).Max() + 1;
        var hypothesisSpeakers = hypothesis.Select(turn => turn.Speaker).DefaultIfEmpty(-1).Max() + 1;
        var overlap = new int[referenceSpeakers, hypothesisSpeakers];
        int missed = 0, falseAlarm = 0, bothSpeaking = 0, referenceSteps = 0;
        for (var step = 0; step < steps; step++)
        {
            if (!scored[step])
            {
                continue;
            }

            var (r, h) = (expected[step], actual[step]);
            referenceSteps += r >= 0 ? 1 : 0;
            missed += r >= 0 && h < 0 ? 1 : 0;
            falseAlarm += r < 0 && h >= 0 ? 1 : 0;
            if (r >= 0 && h >= 0)
            {
                bothSpeaking++;
                overlap[r, h]++;
            }
        }

        var confusion = bothSpeaking - BestMapping(overlap, 0, new bool[hypothesisSpeakers]);
        return new DiarizationErrorRate(Seconds(missed), Seconds(falseAlarm), Seconds(confusion), Seconds(referenceSteps));
    }

    /// <summary>Speaker of each step, -1 for nobody.</summary>
    private static int[] Grid(IReadOnlyList<SpeakerTurn> turns, int steps)
    {
        var grid = Enumerable.Repeat(-1, steps).ToArray();
        foreach (var turn in turns)
        {
            for (var step = turn.StartMs / StepMs; step < Math.Min(steps, turn.EndMs / StepMs); step++)
            {
                grid[step] = turn.Speaker;
            }
        }

        return grid;
    }

    /// <summary>Most agreeing steps over one-to-one maps of reference speakers from <paramref name="speaker"/> on; exhaustive, fine for the handful of speakers in a test.</summary>
    private static int BestMapping(int[,] overlap, int speaker, bool[] taken)
    {
        if (speaker == overlap.GetLength(0))
        {
            return 0;
        }

        var best = BestMapping(overlap, speaker + 1, taken);
        for (var h = 0; h < taken.Length; h++)
        {
            if (!taken[h] && overlap[speaker, h] > 0)
            {
                taken[h] = true;
                best = Math.Max(best, overlap[speaker, h] + BestMapping(overlap, speaker + 1, taken));
                taken[h] = false;
            }
        }

        return best;
    }

    private static double Seconds(int steps) => steps * StepMs / 1000.0;

    private string Share(double seconds) => ReferenceSeconds == 0 ? "0" : $"{seconds / ReferenceSeconds:P1}";
}
