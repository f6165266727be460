using System.Diagnostics;
using WebApp.Transcription.Audio;
using Whisper.net;

namespace WebApp.Transcription.Engines.Whisper;

/// <summary>
/// Speech recognition with one whisper.cpp model (Whisper.net): ffmpeg decodes the file, the audio is cut at pauses
/// into windows of at most whisper's 30 s, and the windows are recognised one after the other, each on
/// <see cref="Threads"/> threads taken from the process's <see cref="CpuBudget"/>. The model is loaded on the first
/// job and kept for the next ones.
/// </summary>
/// <remarks>
/// prompt and keyterms_prompt become whisper's initial prompt (the prompt, then the terms comma-separated): whisper
/// continues a text that begins with them, so it favours their spelling, vocabulary and style. It is context, not an
/// instruction, and a bias, not a guarantee; whisper.cpp keeps only the prompt's last ~220 tokens. temperature is the
/// temperature whisper starts each window at (it still raises it, by 0.2 at a time, on a window it cannot decode).
/// </remarks>
public sealed class WhisperSpeechEngine : ISpeechEngine
{
    /// <summary>
    /// Whisper reads 30 s at a time; a cut at a pause well before that keeps words whole, and windows of 15–25 s keep
    /// enough context for whisper's language model while staying clear of the padding it adds to a short window.
    /// </summary>
    public static SegmenterSettings Windows { get; } = new(MinimumSeconds: 15, MaximumSeconds: 25, HardMaximumSeconds: 29.5);

    /// <summary>Decoding is quick next to recognition; this much of each channel's share of the progress bar is for it.</summary>
    private const int DecodedPercent = 5;

    private static readonly Lazy<IReadOnlySet<string>> MultilingualLanguages = new(SupportedLanguages);

    private readonly AudioDecoder audioDecoder;
    private readonly SpeechSegmenter segmenter = new(Windows);
    private readonly CpuBudget cpu;
    private readonly ILogger logger;
    private readonly SemaphoreSlim loading = new(1, 1);
    private readonly Lock jobs = new();
    private WhisperFactory? factory;
    private int running;
    private bool retired;

    /// <param name="threads">Threads per window; at most the budget's permits.</param>
    public WhisperSpeechEngine(WhisperModelFile model, AudioDecoder audioDecoder, CpuBudget cpu, int threads, ILogger<WhisperSpeechEngine> logger)
    {
        Model = model;
        this.audioDecoder = audioDecoder;
        this.cpu = cpu;
        this.logger = logger;
        Threads = Math.Clamp(threads, 1, cpu.Permits);
        var size = model.Size;
        Capabilities = new EngineCapabilities
        {
            Languages = model.EnglishOnly ? new HashSet<string>(["en"]) : MultilingualLanguages.Value,
            IdentifiesLanguage = !model.EnglishOnly,
            Keyterms = true,
            PromptAndTemperature = true,
            Channels = true,
            WordTimings = true,
            WritesFormattedText = true,
            Unusable = model.FindDefect(),
            AccuracyRank = size?.AccuracyRank ?? 2,
            Summary = $"whisper.cpp {model.ModelName} ({model.SizeBytes / 1_000_000} MB file, {(model.EnglishOnly ? "English only" : "multilingual, identifies the language")}): " +
                $"punctuated and capitalised; {size?.Describe() ?? "a size whisper.cpp does not publish"}.",
        };
    }

    public WhisperModelFile Model { get; }

    public string Name => Model.EngineName;

    public EngineCapabilities Capabilities { get; }

    public int Threads { get; }

    /// <summary>The model is in memory (loaded by a job and not released since).</summary>
    public bool IsLoaded => Volatile.Read(ref factory) is not null;

    /// <remarks>
    /// Cancellation stops ffmpeg at once, stops between windows, and inside a window at whisper.cpp's next check (its
    /// abort callback, between decoder steps).
    /// </remarks>
    public async Task<RecognitionResult> TranscribeAsync(RecognitionRequest request, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var percent = new MonotonicProgress(progress);
        percent.Report(0);
        if (Model.EnglishOnly && request.Language is { } asked && asked != "en")
        {
            throw new EngineUnavailableException($"The whisper model {Name} transcribes English only, not \"{asked}\"; choose a multilingual model.");
        }

        lock (jobs)
        {
            running++;
        }

        try
        {
            var whisper = await LoadAsync(cancellationToken);
            var job = new Job(this, whisper, request, percent);
            await using var processor = job.Processor;
            var result = await job.RunAsync(cancellationToken);
            logger.LogInformation(
                "{Engine} recognised {WordCount} words in {AudioSeconds:F1} s of audio ({Channels} channel(s), {WindowCount} windows, {Threads} threads) in {ElapsedSeconds:F1} s",
                Name, result.Words.Count, job.DecodedSeconds, result.AudioChannels ?? 1, job.WindowCount, Threads, clock.Elapsed.TotalSeconds);
            return result;
        }
        finally
        {
            lock (jobs)
            {
                running--;
            }

            ReleaseIfRetired();
        }
    }

    /// <summary>
    /// The file changed or went away: this engine is no longer listed, and its model is freed as soon as no job uses it.
    /// </summary>
    public void Retire()
    {
        lock (jobs)
        {
            retired = true;
        }

        ReleaseIfRetired();
    }

    private void ReleaseIfRetired()
    {
        WhisperFactory? loaded;
        lock (jobs)
        {
            if (!retired || running > 0)
            {
                return;
            }

            loaded = factory;
            factory = null;
        }

        loaded?.Dispose();
    }

    /// <exception cref="EngineUnavailableException">The file is missing, truncated, not a whisper model, or whisper.cpp rejects it.</exception>
    private async Task<WhisperFactory> LoadAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref factory) is { } loaded)
        {
            return loaded;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            if (factory is not null)
            {
                return factory;
            }

            var clock = Stopwatch.StartNew();
            // Seconds of disk reading and native allocation: off the thread pool, like all native work here.
            var created = await Task.Factory.StartNew(Load, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            logger.LogInformation("Loaded whisper model {Engine} ({File}, {Megabytes} MB) in {Seconds:F1} s",
                Name, Model.FileName, Model.SizeBytes / 1_000_000, clock.Elapsed.TotalSeconds);
            Volatile.Write(ref factory, created);
            return created;
        }
        finally
        {
            loading.Release();
        }
    }

    private WhisperFactory Load()
    {
        // whisper.cpp checks little of what it reads; a file it cannot parse is turned away here, in managed code.
        if (Model.FindDefect() is { } defect)
        {
            throw Unavailable(defect);
        }

        WhisperFactory? created = null;
        try
        {
            created = WhisperFactory.FromPath(Model.Path);
            created.CreateBuilder(); // Throws when whisper.cpp could not load the model.
            return created;
        }
        catch (Exception exception) when (exception is WhisperModelLoadException or InvalidOperationException or IOException or DllNotFoundException)
        {
            created?.Dispose();
            throw Unavailable($"whisper.cpp rejected it ({exception.Message})", exception);
        }
    }

    private EngineUnavailableException Unavailable(string reason, Exception? inner = null) => new(
        $"The whisper model {Name} ({Model.FileName}) could not be loaded: {reason}. Ask the administrator to replace it.", inner);

    /// <summary>whisper's initial prompt: the request's prompt, then its key terms comma-separated; null for neither.</summary>
    public static string? InitialPrompt(RecognitionRequest request)
    {
        string?[] parts = [request.Prompt?.Trim(), request.Keyterms.Count > 0 ? string.Join(", ", request.Keyterms) : null];
        var given = parts.Where(part => !string.IsNullOrEmpty(part)).ToList();
        return given.Count == 0 ? null : string.Join(' ', given);
    }

    /// <summary>whisper.cpp's language table, as base codes. (Whisper.net lists ids below the last one, so "yue", added with large-v3, is not among them.)</summary>
    private static IReadOnlySet<string> SupportedLanguages()
    {
        try
        {
            return WhisperFactory.GetSupportedLanguages().ToHashSet();
        }
        catch (Exception exception) when (exception is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            // The native library does not load here: no job can run, and routing must not fail over it.
            return new HashSet<string>(["en"]);
        }
    }

    /// <summary>One transcription: its processor (language, prompt, threads) and its progress.</summary>
    private sealed class Job
    {
        private readonly WhisperSpeechEngine engine;
        private readonly RecognitionRequest request;
        private readonly MonotonicProgress percent;
        private readonly bool identify;
        private IdentifiedLanguage? identified;
        private Action<int> windowProgress = _ => { };

        public Job(WhisperSpeechEngine engine, WhisperFactory factory, RecognitionRequest request, MonotonicProgress percent)
        {
            this.engine = engine;
            this.request = request;
            this.percent = percent;
            identify = !engine.Model.EnglishOnly && request.Language is null;
            var builder = factory.CreateBuilder()
                .WithThreads(engine.Threads)
                .WithTokenTimestamps()
                .WithProbabilities()
                .WithLanguage(engine.Model.EnglishOnly ? "en" : request.Language ?? "auto")
                .WithProgressHandler(value => windowProgress(value));
            if (InitialPrompt(request) is { } prompt)
            {
                builder = builder.WithPrompt(prompt);
            }

            if (request.Temperature is { } temperature)
            {
                builder = builder.WithTemperature((float)temperature);
            }

            Processor = builder.Build();
        }

        public WhisperProcessor Processor { get; }

        public double DecodedSeconds { get; private set; }

        public int WindowCount { get; private set; }

        public async Task<RecognitionResult> RunAsync(CancellationToken cancellationToken)
        {
            // Channels one after the other: each window already takes the threads the budget allows.
            int?[] channels = request.SeparateChannels
                ? [.. Enumerable.Range(1, await AudioDecoder.CountChannelsAsync(request.AudioPath, cancellationToken) ?? 1).Select(c => (int?)c)]
                : [null];
            var words = new List<RecognizedWord>();
            for (var i = 0; i < channels.Length; i++)
            {
                var channelStart = 100 * i / channels.Length;
                var channelShare = 100.0 / channels.Length;
                using var audio = await engine.audioDecoder.DecodeAsync(request.AudioPath, request.Window, channels[i], cancellationToken);
                var windows = engine.segmenter.Split(audio);
                percent.Report(channelStart + (int)(channelShare * DecodedPercent / 100));
                var total = Math.Max(1, windows.Sum(window => (long)window.SampleCount));
                long done = 0;
                foreach (var window in windows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var share = channelShare * (100 - DecodedPercent) / 100;
                    var before = channelStart + channelShare * DecodedPercent / 100 + share * done / total;
                    var width = share * window.SampleCount / total;
                    windowProgress = value => percent.Report((int)(before + width * Math.Clamp(value, 0, 100) / 100));
                    words.AddRange(await RecognizeAsync(audio, window, channels[i], cancellationToken));
                    done += window.SampleCount;
                    percent.Report((int)(before + width));
                    WindowCount++;
                }

                DecodedSeconds = audio.DurationSeconds;
            }

            percent.Report(100);
            var duration = request.Window.IsWhole
                ? DecodedSeconds
                : await AudioDecoder.ProbeDurationSecondsAsync(request.AudioPath, cancellationToken) ?? request.Window.StartMs / 1000.0 + DecodedSeconds;
            return new RecognitionResult(
                [.. words.OrderBy(w => w.StartMs).ThenBy(w => w.Channel)], duration, engine.Name, request.SeparateChannels ? channels.Length : null)
            {
                Language = identified,
            };
        }

        private async Task<List<RecognizedWord>> RecognizeAsync(DecodedAudio audio, SpeechSegment window, int? channel, CancellationToken cancellationToken)
        {
            var samples = ToFloat(audio.ReadSamples(window.StartSample, window.SampleCount));
            var tokens = new List<WhisperTokenTiming>();
            using (await engine.cpu.AcquireAsync(engine.Threads, cancellationToken))
            {
                if (identify && identified is null)
                {
                    // The first window decides for the whole job, so every window is transcribed in one language.
                    var (code, probability) = await Task.Factory.StartNew(() => Processor.DetectLanguageWithProbability(samples),
                        cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    identified = new IdentifiedLanguage(code ?? "en", Math.Clamp(probability, 0, 1));
                    Processor.ChangeLanguage(identified.Code);
                }

                // ProcessAsync runs whisper_full on a thread of its own (LongRunning) and aborts it on cancellation.
                await foreach (var segment in Processor.ProcessAsync(samples, cancellationToken))
                {
                    tokens.AddRange(segment.Tokens.Select(token => new WhisperTokenTiming(token.Text ?? "", token.Start, token.End, token.Probability)));
                }
            }

            var offsetMs = audio.OffsetMs + (int)(window.StartSample * 1000 / DecodedAudio.SampleRate);
            return WhisperWords.FromTokens(tokens, offsetMs, (int)((long)window.SampleCount * 1000 / DecodedAudio.SampleRate), channel);
        }

        private static float[] ToFloat(short[] samples)
        {
            var floats = new float[samples.Length];
            for (var i = 0; i < samples.Length; i++)
            {
                floats[i] = samples[i] / 32768f;
            }

            return floats;
        }
    }
}
