using System.Diagnostics;
using WebApp.Tests.Transcription.Diarization;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Diarization;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace Verbatim.Bench;

/// <summary>
/// Speaker diarization on made-up conversations of 2, 3 and 4 speakers (flite and espeak-ng voices and two real
/// recorded speakers, about 40% of turns 1–2 s long, pauses of 0.15–0.7 s, no overlap), with the speaker count left
/// to the diarizer and given: diarization error rate and how often the count comes out right.
/// </summary>
internal sealed class DiarizationBench : IBenchSection
{
    private static readonly int[] SpeakerCounts = [2, 3, 4];
    private const int SeedsPerCount = 4;

    public string Name => "diarization";

    public string Description => "speaker diarization: DER and speaker-count accuracy on 2-, 3-, 4-speaker conversations";

    public async Task RunAsync(BenchContext context)
    {
        Console.WriteLine($" DER = (missed + false alarm + confusion) / reference speech, best one-to-one speaker mapping, {DiarizationErrorRate.StandardCollarMs} ms");
        Console.WriteLine(" collar either side of each reference boundary (and without); speakers = how many the diarizer found");
        var diarizer = new SpeakerDiarizer();
        var overall = new Totals();
        foreach (var speakers in SpeakerCounts)
        {
            var totals = new Totals();
            for (var seed = 1; seed <= SeedsPerCount; seed++)
            {
                var voices = Pick(speakers, seed);
                var conversation = Conversation.Build(context.Scratch.Path, voices, turns: 8 + 5 * speakers, seed: seed * 10 + speakers);
                using var audio = await new AudioDecoder().DecodeAsync(conversation.Path, CancellationToken.None);
                Console.WriteLine($" {speakers} speakers, seed {seed}, {audio.DurationSeconds:F0} s, {conversation.Reference.Count} turns: {string.Join(", ", conversation.Voices)}");
                foreach (var given in new[] { false, true })
                {
                    var clock = Stopwatch.StartNew();
                    var turns = diarizer.Diarize(audio, given ? new SpeakerCountHint(Exact: speakers) : SpeakerCountHint.None);
                    var seconds = clock.Elapsed.TotalSeconds;
                    var score = DiarizationErrorRate.Measure(conversation.Reference, turns);
                    var strict = DiarizationErrorRate.Measure(conversation.Reference, turns, collarMs: 0);
                    var found = turns.Select(turn => turn.Speaker).Distinct().Count();
                    totals.Add(given, score, strict, found == speakers, seconds, audio.DurationSeconds);
                    BenchContext.Row(given ? "  count given" : "  count found",
                        $"DER {score}, no collar {strict.Rate:P1}, {found} speakers, real-time factor {seconds / audio.DurationSeconds:F3}");
                }
            }

            totals.Print($"{speakers} speakers, all seeds");
            overall.Add(totals);
        }

        overall.Print("overall");
    }

    /// <summary>A different mix of voices for each seed, the same every run.</summary>
    private static ConversationVoice[] Pick(int speakers, int seed)
    {
        var random = new Random(seed * 100 + speakers);
        return ConversationVoice.All.OrderBy(_ => random.Next()).Take(speakers).ToArray();
    }

    /// <summary>DER pooled over conversations (weighted by speech), and counts right, for the count found and given.</summary>
    private sealed class Totals
    {
        private readonly DiarizationErrorRate[] scores = [DiarizationErrorRate.Zero, DiarizationErrorRate.Zero];
        private readonly DiarizationErrorRate[] strictScores = [DiarizationErrorRate.Zero, DiarizationErrorRate.Zero];
        private int countsRight;
        private int conversations;
        private double seconds;
        private double audioSeconds;

        public void Add(bool given, DiarizationErrorRate score, DiarizationErrorRate strict, bool countRight, double elapsedSeconds, double durationSeconds)
        {
            scores[given ? 1 : 0] += score;
            strictScores[given ? 1 : 0] += strict;
            seconds += elapsedSeconds;
            if (!given)
            {
                conversations++;
                audioSeconds += durationSeconds;
                countsRight += countRight ? 1 : 0;
            }
        }

        public void Add(Totals other)
        {
            scores[0] += other.scores[0];
            scores[1] += other.scores[1];
            strictScores[0] += other.strictScores[0];
            strictScores[1] += other.strictScores[1];
            countsRight += other.countsRight;
            conversations += other.conversations;
            seconds += other.seconds;
            audioSeconds += other.audioSeconds;
        }

        public void Print(string label)
        {
            Console.WriteLine($" {label}:");
            BenchContext.Row("  DER, count found", $"{scores[0]}; no collar {strictScores[0].Rate:P1}");
            BenchContext.Row("  DER, count given", $"{scores[1]}; no collar {strictScores[1].Rate:P1}");
            BenchContext.Row("  speaker count right", $"{countsRight}/{conversations} ({(double)countsRight / conversations:P0})");
            BenchContext.Row("  real-time factor (both runs)", $"{seconds / (2 * audioSeconds):F3}");
        }
    }
}
