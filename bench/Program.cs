using System.Globalization;
using Verbatim.Bench.Load;

namespace Verbatim.Bench;

/// <summary>
/// Runs named benchmark sections in order: <c>bench/run.sh [section…] [--minutes N] [--models DIR] [--load-seconds N] [--memory-minutes A,B] [--tuning] [--tuning-wide] [--longest N] [--list]</c>. A new measurement is
/// one more <see cref="IBenchSection"/> in <see cref="Sections"/>; sections share the <see cref="BenchContext"/>, and
/// so the same test recording.
/// </summary>
internal static class BenchProgram
{
    private static readonly IBenchSection[] Sections =
    [
        new MachineSection(),
        new EngineSection(),
        new BeamHeldOutSection(),
        new DiarizationBench(),
        new PiiBench(),
        new IntelligenceBench(),
        new LibraryBench(),
        new LanguageBench(),
        new LanguageCalibration(),
        new KeytermBench(),
        new WhisperSection(),
        new StreamingBench(),
        new StreamingTailBench(),
        new LoadBench(),
        new LongFileMemoryBench(),
        new CrashBench(),
    ];

    private static async Task<int> Main(string[] args)
    {
        var names = new HashSet<string>();
        var minutes = 10.0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--list":
                    foreach (var section in Sections)
                    {
                        Console.WriteLine($"{section.Name,-10} {section.Description}");
                    }

                    return 0;
                case "--models":
                    WhisperSection.ModelsDirectory = args[++i];
                    break;
                case "--load-seconds":
                    LoadBench.RunLength = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--memory-minutes":
                    LongFileMemoryBench.Minutes = [.. args[++i].Split(',').Select(m => double.Parse(m, CultureInfo.InvariantCulture))];
                    break;
                case "--tuning":
                    DiarizationBench.Tuning = true;
                    break;
                case "--tuning-wide":
                    DiarizationBench.TuningWide = true;
                    break;
                case "--longest":
                    DiarizationBench.LongestMinutes = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--minutes":
                    minutes = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    names.Add(args[i]);
                    break;
            }
        }

        var unknown = names.Except(Sections.Select(section => section.Name)).ToArray();
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"Unknown section(s): {string.Join(", ", unknown)}. Try --list.");
            return 2;
        }

        using var context = new BenchContext(TimeSpan.FromMinutes(minutes));
        foreach (var section in Sections.Where(section => names.Count == 0 || names.Contains(section.Name)))
        {
            Console.WriteLine($"== {section.Name}: {section.Description}");
            await section.RunAsync(context);
            Console.WriteLine();
        }

        return 0;
    }
}

/// <summary>One part of the benchmark, run by name.</summary>
internal interface IBenchSection
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchContext context);
}
