using System.Text;
using WebApp.Transcription.Diarization;

namespace Verbatim.Bench.Diarization;

/// <summary>
/// One file of the evaluation set: who takes part, how long it runs and how long the turns are. The same case always
/// gives the same audio (all choices come from <paramref name="Seed"/>), built from the voices' cached clips.
/// </summary>
/// <param name="LongTurns">Turns of 2–5 sentences and few one-liners, as in a meeting of presentations, rather than 1–2 sentences and many one-liners.</param>
/// <param name="SameSex">At least two speakers of the same sex (always so with four or more).</param>
internal sealed record DiarizationCase(SetPart Part, int Speakers, double Minutes, bool LongTurns, bool SameSex, int Seed)
{
    private const int SampleRate = 16000;

    public string Name => $"{(Part == SetPart.Tuning ? "T" : "H")}{Seed:000} {Speakers} speakers {Minutes:0} min {(LongTurns ? "long" : "short")} turns{(SameSex ? ", same sex" : "")}";

    /// <summary>
    /// Per part: 16 files of 1 minute, 8 of 3, 4 of 10 and 1 of 30 (about 2 hours), and one of 60 minutes reported
    /// apart; 2–6 speakers in turn, short and long turns alternating, same-sex pairs in half the two-speaker files.
    /// </summary>
    public static IEnumerable<DiarizationCase> Set(SetPart part)
    {
        var seed = 0;
        foreach (var (minutes, files) in new[] { (1.0, 16), (3.0, 8), (10.0, 4), (30.0, 1), (60.0, 1) })
        {
            for (var i = 0; i < files; i++)
            {
                var speakers = 2 + (seed * 3 + i) % 5;
                yield return new DiarizationCase(part, speakers, minutes, LongTurns: i % 2 == 1, SameSex: speakers > 2 || i % 4 < 2, Seed: ++seed + (part == SetPart.Tuning ? 0 : 500));
            }
        }
    }

    /// <summary>
    /// More files of the tuning part only (its voices and script, other seeds), for telling ideas apart when the
    /// standard tuning files are nearly all right: 48 of 1 minute and 16 of 3, 2–6 speakers in turn, short and long
    /// turns and same-sex pairs in every combination. Seeds from 1001, so never one of the standard files (1–30 tuning,
    /// 501–530 held-out).
    /// </summary>
    public static IEnumerable<DiarizationCase> WideTuning()
    {
        var seed = 1000;
        foreach (var (minutes, files) in new[] { (1.0, 48), (3.0, 16) })
        {
            for (var i = 0; i < files; i++)
            {
                var speakers = 2 + i % 5;
                yield return new DiarizationCase(SetPart.Tuning, speakers, minutes, LongTurns: i / 5 % 2 == 1, SameSex: speakers > 2 || i / 10 % 2 == 0, Seed: ++seed);
            }
        }
    }

    /// <summary>Writes the conversation as a 16 kHz mono WAV and returns who spoke when (speakers by first appearance).</summary>
    public (IReadOnlyList<SpeakerTurn> Reference, IReadOnlyList<BenchVoice> Voices) Build(string cacheDirectory, string path)
    {
        var random = new Random(Seed);
        var voices = PickVoices(random);
        var script = Part == SetPart.Tuning ? DiarizationScript.Tuning : DiarizationScript.HeldOut;
        var clips = voices.Select(voice => voice.Clips(cacheDirectory, script)).ToArray();
        var nextClip = new int[voices.Count, 2];
        // Some people talk far more than others.
        var share = voices.Select(_ => 0.4 + random.NextDouble() * 1.6).ToArray();

        var samples = new List<short>((int)(Minutes * 60 * SampleRate * 1.05));
        var reference = new List<SpeakerTurn>();
        var previous = -1;
        var order = Enumerable.Range(0, voices.Count).OrderBy(_ => random.Next()).ToArray();
        for (var turn = 0; samples.Count < Minutes * 60 * SampleRate; turn++)
        {
            var speaker = turn < order.Length ? order[turn] : Draw(random, share, previous);
            AddSilence(samples, random, 0.15 + random.NextDouble() * 0.65);
            var start = samples.Count;
            var isShort = random.NextDouble() < (LongTurns ? 0.15 : 0.45);
            // Everyone says one thing early on, so even a one-minute file has all its speakers.
            var sentences = isShort || turn < order.Length ? 1 : LongTurns ? 2 + random.Next(4) : 1 + random.Next(2);
            for (var sentence = 0; sentence < sentences; sentence++)
            {
                if (sentence > 0)
                {
                    AddSilence(samples, random, 0.1 + random.NextDouble() * 0.3);
                }

                var pool = isShort ? clips[speaker].Short : clips[speaker].Long;
                var kind = isShort ? 1 : 0;
                // Each voice's clips in a shuffled cycle, so repeats are as far apart as the pool allows.
                samples.AddRange(pool[Shuffled(pool.Length, nextClip[speaker, kind]++, Seed * 31 + speaker * 2 + kind)]);
            }

            reference.Add(new SpeakerTurn((int)(start * 1000L / SampleRate), (int)(samples.Count * 1000L / SampleRate), speaker));
            previous = speaker;
        }

        AddSilence(samples, random, 0.5);
        WriteWav(path, samples);
        var numbers = new Dictionary<int, int>();
        var renumbered = reference.Select(turn => turn with { Speaker = numbers.TryGetValue(turn.Speaker, out var n) ? n : numbers[turn.Speaker] = numbers.Count }).ToArray();
        return (renumbered, numbers.Keys.Select(index => voices[index]).ToArray());
    }

    private List<BenchVoice> PickVoices(Random random)
    {
        var candidates = BenchVoice.All.Where(voice => voice.Part == Part && (!voice.IsRecorded || Minutes <= 3)).OrderBy(_ => random.Next()).ToList();
        var picked = new List<BenchVoice>();
        if (SameSex)
        {
            var sex = candidates.First(voice => !voice.IsExtra).Sex;
            picked.AddRange(candidates.Where(voice => voice.Sex == sex && !voice.IsExtra).DistinctBy(voice => voice.Person).Take(2));
        }

        foreach (var voice in candidates)
        {
            var extras = picked.Count(v => v.IsExtra);
            if (picked.Count < Speakers && picked.All(v => v.Person != voice.Person) && (!voice.IsExtra || extras == 0)
                && (SameSex || picked.Count == 0 || voice.Sex != picked[0].Sex || Speakers > 2))
            {
                picked.Add(voice);
            }
        }

        return picked.Count == Speakers ? picked : throw new InvalidOperationException($"Not enough voices for {Name}.");
    }

    /// <summary>A speaker other than <paramref name="previous"/>, in proportion to how much each talks.</summary>
    private static int Draw(Random random, double[] share, int previous)
    {
        var total = share.Where((_, index) => index != previous).Sum();
        var pick = random.NextDouble() * total;
        for (var i = 0; i < share.Length; i++)
        {
            if (i != previous && (pick -= share[i]) <= 0)
            {
                return i;
            }
        }

        return share.Length - 1 == previous ? 0 : share.Length - 1;
    }

    private static int Shuffled(int length, int index, int seed)
    {
        var round = index / length;
        var order = Enumerable.Range(0, length).OrderBy(_ => 0).ToArray();
        new Random(seed * 1000 + round).Shuffle(order);
        return order[index % length];
    }

    /// <summary>A quiet room: ±1 LSB of noise, as sox's dither makes (the diarizer's tests are calibrated on it).</summary>
    private static void AddSilence(List<short> samples, Random random, double seconds)
    {
        for (var i = 0; i < (int)(seconds * SampleRate); i++)
        {
            samples.Add((short)(random.Next(3) - 1));
        }
    }

    private static void WriteWav(string path, List<short> samples)
    {
        using var writer = new BinaryWriter(File.Create(path));
        var bytes = samples.Count * 2;
        writer.Write(Encoding.ASCII.GetBytes("RIFF"));
        writer.Write(36 + bytes);
        writer.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(SampleRate);
        writer.Write(SampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write(Encoding.ASCII.GetBytes("data"));
        writer.Write(bytes);
        foreach (var sample in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(samples))
        {
            writer.Write(sample);
        }
    }
}
