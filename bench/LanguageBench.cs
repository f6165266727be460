using System.Diagnostics;
using WebApp.Tests.Transcription.Language;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Language;

namespace Verbatim.Bench;

/// <summary>
/// Language identification (English or not) on held-out clips: espeak-ng speech in 12 languages against English from
/// flite, espeak-ng and real recordings. Accuracy, false rejects of English, false accepts of other languages, a table
/// per language, and what it costs next to recognising the same audio.
/// </summary>
internal sealed class LanguageBench : IBenchSection
{
    private const string ModelDirectory = "/usr/share/pocketsphinx/model/en-us";

    public string Name => "language";

    public string Description => "language identification: English vs 12 other languages on held-out clips, accuracy and cost";

    public async Task RunAsync(BenchContext context)
    {
        var measured = await MeasureAsync(context, LanguageClips.HeldOut, recognise: true);
        var english = measured.Where(m => m.Clip.IsEnglish).ToList();
        var foreign = measured.Where(m => !m.Clip.IsEnglish).ToList();
        var falseRejects = english.Count(m => !m.Result.IsEnglish);
        var falseAccepts = foreign.Count(m => m.Result.IsEnglish);
        Console.WriteLine($" {measured.Count} held-out clips ({english.Count} English, {foreign.Count} in {foreign.Select(m => m.Clip.Language).Distinct().Count()} other languages), {measured.Sum(m => m.Result.SpeechSeconds):F0} s of speech");
        BenchContext.Row("accuracy (English vs not)", $"{1 - (falseRejects + falseAccepts) / (double)measured.Count:P1}");
        BenchContext.Row("English rejected (false reject)", $"{falseRejects}/{english.Count} = {falseRejects / (double)english.Count:P1}");
        BenchContext.Row("other accepted (false accept)", $"{falseAccepts}/{foreign.Count} = {falseAccepts / (double)foreign.Count:P1}");
        Console.WriteLine($"  {"language / source",-22} {"clips",5} {"right",5} {"P(en) mean",10} {"min",6} {"max",6}");
        foreach (var group in measured.GroupBy(m => m.Clip.IsEnglish ? "en " + m.Clip.Source.Split(':')[0] : m.Clip.Language))
        {
            var right = group.Count(m => m.Result.IsEnglish == m.Clip.IsEnglish);
            var p = group.Select(m => m.Result.EnglishProbability).ToList();
            Console.WriteLine($"  {group.Key,-22} {group.Count(),5} {right,5} {p.Average(),10:F3} {p.Min(),6:F3} {p.Max(),6:F3}");
        }

        var identifySeconds = measured.Sum(m => m.IdentifySeconds);
        var recogniseSeconds = measured.Sum(m => m.RecogniseSeconds);
        var audioSeconds = measured.Sum(m => m.Result.SpeechSeconds);
        BenchContext.Row("identification time", $"{identifySeconds:F1} s, real-time factor {identifySeconds / audioSeconds:F3}");
        BenchContext.Row("recognition time (one decoder)", $"{recogniseSeconds:F1} s, real-time factor {recogniseSeconds / audioSeconds:F3}");
        BenchContext.Row("identification / recognition", $"{identifySeconds / recogniseSeconds:P0} (on at most {LanguageIdentifier.MaxSpeechSeconds:F0} s of speech per file)");
    }

    internal sealed record Measured(LanguageClip Clip, LanguageIdentification Result, double IdentifySeconds, double RecogniseSeconds);

    internal static async Task<List<Measured>> MeasureAsync(BenchContext context, IReadOnlyList<LanguageClip> clips, bool recognise)
    {
        using var identifier = new LanguageIdentifier(ModelDirectory, new SpeechSegmenter());
        using var recogniser = recognise ? new PocketSphinxDecoder(ModelDirectory) : null;
        var decoder = new AudioDecoder();
        var measured = new List<Measured>();
        foreach (var clip in clips)
        {
            using var audio = await decoder.DecodeAsync(clip.Make(context.Scratch.Path), CancellationToken.None);
            var clock = Stopwatch.StartNew();
            var result = await identifier.IdentifyAsync(audio, CancellationToken.None);
            var identifySeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            recogniser?.Recognize(audio.ReadSamples(0, (int)audio.SampleCount));
            measured.Add(new Measured(clip, result, identifySeconds, clock.Elapsed.TotalSeconds));
        }

        return measured;
    }
}

/// <summary>
/// Fits <see cref="EnglishScore"/>'s coefficients on the calibration clips (never the held-out ones): prints each clip's
/// features and a logistic regression over them, to paste into EnglishScore.cs.
/// </summary>
internal sealed class LanguageCalibration : IBenchSection
{
    public string Name => "language-fit";

    public string Description => "fits the language identifier's coefficients on the calibration clips";

    public async Task RunAsync(BenchContext context)
    {
        var measured = await LanguageBench.MeasureAsync(context, LanguageClips.Calibration, recognise: false);
        var rows = measured.Select(m => (Features: EnglishScore.Features(m.Result.Fit), English: m.Clip.IsEnglish ? 1.0 : 0.0)).ToList();
        Console.WriteLine($"  {"",-21} {string.Join(" ", EnglishScore.FeatureNames.Skip(1).Select(n => $"{n,14}"))}");
        foreach (var (m, row) in measured.Zip(rows))
        {
            Console.WriteLine($"  {m.Clip.Language,-4} {m.Clip.Source,-16} {string.Join(" ", row.Features.Skip(1).Select(v => $"{v,14:F3}"))}  P {m.Result.EnglishProbability:F3}");
        }

        var weights = LogisticRegression.Fit(rows.Select(r => r.Features).ToList(), rows.Select(r => r.English).ToList());
        Console.WriteLine($"  Weights = [{string.Join(", ", weights.Select(w => w.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]");
    }
}

/// <summary>Newton's method on the log-likelihood, with a little ridge so separable data still gives finite weights.</summary>
internal static class LogisticRegression
{
    public static double[] Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, double ridge = 0.1, int iterations = 50)
    {
        var n = x[0].Length;
        var w = new double[n];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            for (var i = 0; i < x.Count; i++)
            {
                var p = 1 / (1 + Math.Exp(-x[i].Select((v, k) => v * w[k]).Sum()));
                for (var a = 0; a < n; a++)
                {
                    gradient[a] += (y[i] - p) * x[i][a];
                    for (var b = 0; b < n; b++)
                    {
                        hessian[a, b] += p * (1 - p) * x[i][a] * x[i][b];
                    }
                }
            }

            for (var a = 1; a < n; a++)
            {
                gradient[a] -= ridge * w[a];
                hessian[a, a] += ridge;
            }

            var step = Solve(hessian, gradient);
            for (var a = 0; a < n; a++)
            {
                w[a] += step[a];
            }
        }

        return w;
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = new double[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i, j] = a[i, j];
            }

            m[i, n] = b[i];
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(m[r, col]));
            for (var j = 0; j <= n; j++)
            {
                (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
            }

            for (var r = 0; r < n; r++)
            {
                if (r != col)
                {
                    var factor = m[r, col] / m[col, col];
                    for (var j = col; j <= n; j++)
                    {
                        m[r, j] -= factor * m[col, j];
                    }
                }
            }
        }

        return Enumerable.Range(0, n).Select(i => m[i, n] / m[i, i]).ToArray();
    }
}
