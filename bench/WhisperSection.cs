using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;
using WebApp.Transcription.Engines.Whisper;

namespace Verbatim.Bench;

/// <summary>
/// Every whisper model in the models folder against the pocketsphinx engine on the engine section's recording:
/// model load, real-time factor, CPU time, peak memory and WER side by side. <c>--models DIR</c> picks the folder
/// (default <c>${VERBATIM_DATA:-./data}/models</c>, as the app and <c>./run.sh download-model</c>).
/// </summary>
internal sealed class WhisperSection : IBenchSection
{
    private const string PocketSphinxModel = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>Set from <c>--models</c>.</summary>
    public static string ModelsDirectory { get; set; } =
        Path.Combine(Environment.GetEnvironmentVariable("VERBATIM_DATA") is { Length: > 0 } data ? data : "./data", "models");

    public string Name => "whisper";

    public string Description => "each installed whisper model vs pocketsphinx on the same recording (--models DIR)";

    public async Task RunAsync(BenchContext context)
    {
        var models = WhisperModelSource.ListModelFiles(Path.GetFullPath(ModelsDirectory));
        if (models.Count == 0)
        {
            Console.WriteLine("no whisper model installed");
            return;
        }

        var recording = context.Recording;
        BenchContext.Row("recording", $"{recording.DurationSeconds:F0} s, {WebApp.Tests.WordErrorRate.Words(recording.Transcript).Length} words; {Environment.ProcessorCount} cores");
        Console.WriteLine($"  {"engine",-28} {"load",7} {"wall",8} {"RTF",6} {"CPU",8} {"peak RSS",9}  WER");
        var cpu = new CpuBudget();
        using (var pool = new DecoderPool(PocketSphinxModel, cpu.Permits, cpu))
        {
            var pocketsphinx = new PocketSphinxEngine(new AudioDecoder(), new SpeechSegmenter(), pool,
                new KeytermPronouncer(PocketSphinxModel, NullLogger<KeytermPronouncer>.Instance), NullLogger<PocketSphinxEngine>.Instance);
            await MeasureAsync(pocketsphinx, recording, warmUp: pocketsphinx.TranscribeAsync(new RecognitionRequest(recording.Path) { Window = new AudioWindow(0, 2000) }, null, CancellationToken.None));
        }

        foreach (var model in models.OrderBy(model => model.SizeBytes))
        {
            var engine = new WhisperSpeechEngine(model, new AudioDecoder(), cpu, cpu.Permits, NullLogger<WhisperSpeechEngine>.Instance);
            try
            {
                // The first two seconds load the model; the recording then runs on it loaded, as every job after the first does.
                await MeasureAsync(engine, recording, warmUp: engine.TranscribeAsync(new RecognitionRequest(recording.Path) { Window = new AudioWindow(0, 2000) }, null, CancellationToken.None));
            }
            catch (EngineUnavailableException exception)
            {
                Console.WriteLine($"  {engine.Name,-28} {exception.Message}");
            }
            finally
            {
                engine.Retire();
            }
        }

        Console.WriteLine("  load: the model's first job on 2 s of audio; RTF: wall-clock time / audio length; CPU: this process's, all threads.");
    }

    private static async Task MeasureAsync(ISpeechEngine engine, TranscribedRecording recording, Task warmUp)
    {
        var separatePeaks = PeakMemory.Reset();
        var clock = Stopwatch.StartNew();
        await warmUp;
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var cpuClock = CpuClock.Start();
        clock.Restart();
        var result = await engine.TranscribeAsync(recording.Path, null, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"  {engine.Name,-28} {loadSeconds,6:F1}s {seconds,7:F1}s {seconds / recording.DurationSeconds,6:F3} {cpuClock.Seconds,7:F1}s " +
            $"{PeakMemory.Describe() + (separatePeaks ? "" : "*"),9}  {RecordingScore.Describe(recording, result.Words)}");
    }
}
