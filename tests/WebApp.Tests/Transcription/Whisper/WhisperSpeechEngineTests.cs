using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;
using WebApp.Transcription.Engines.Whisper;

namespace WebApp.Tests.Transcription.Whisper;

/// <summary>
/// The whole whisper path on random-weight models: what it recognises is noise, so these assert the shape of the
/// result (timings, confidences, language, channels), errors, cancellation and CPU sharing, never the words.
/// </summary>
[Collection(WhisperCollection.Name)]
public sealed class WhisperSpeechEngineTests(WhisperFixture fixture)
{
    [Fact]
    public async Task Transcribe_LongSpeech_GivesOrderedWordsInsideTheAudioAndKeepsTheModelLoaded()
    {
        var progress = new List<int>();

        var result = await fixture.English.TranscribeAsync(fixture.LongSpeech, new SynchronousProgress(progress.Add), CancellationToken.None);

        var durationMs = TestAudio.DurationSeconds(fixture.LongSpeech) * 1000;
        Assert.NotEmpty(result.Words);
        Assert.All(result.Words, word =>
        {
            Assert.False(string.IsNullOrWhiteSpace(word.Text));
            Assert.InRange(word.StartMs, 0, durationMs);
            Assert.InRange(word.EndMs, word.StartMs + 1, durationMs);
            Assert.InRange(word.Confidence, 0, 1);
            Assert.Null(word.Channel);
        });
        Assert.Equal(result.Words.OrderBy(word => word.StartMs), result.Words);
        Assert.Equal("whisper-tiny.en", result.SpeechModel);
        Assert.Equal(durationMs / 1000, result.AudioDurationSeconds, 1);
        Assert.Null(result.Language);
        Assert.Equal(100, progress[^1]);
        Assert.Equal(progress.Order(), progress);
        Assert.Contains(progress, percent => percent is > 5 and < 100); // between windows, not only at the ends
        Assert.True(fixture.English.IsLoaded);
    }

    [Fact]
    public async Task Transcribe_WindowOfTheFile_KeepsTimesFromTheStartOfTheFile()
    {
        var request = new RecognitionRequest(fixture.LongSpeech) { Window = new AudioWindow(StartMs: 7000, EndMs: 20000) };

        var result = await fixture.English.TranscribeAsync(request, null, CancellationToken.None);

        Assert.NotEmpty(result.Words);
        Assert.All(result.Words, word => Assert.InRange(word.StartMs, 7000, 20000));
        Assert.All(result.Words, word => Assert.InRange(word.EndMs, word.StartMs + 1, 20000));
    }

    [Fact]
    public async Task Transcribe_SeparateChannels_TagsWordsWithTheirChannel()
    {
        var stereo = TestAudio.Channels(fixture.Scratch.File("stereo.wav"), [fixture.Sentence, TestAudio.Flite("A second speaker talks on the right.", fixture.Scratch.File("right.wav"), "kal16")]);

        var result = await fixture.English.TranscribeAsync(new RecognitionRequest(stereo) { SeparateChannels = true }, null, CancellationToken.None);

        Assert.Equal(2, result.AudioChannels);
        Assert.NotEmpty(result.Words);
        Assert.All(result.Words, word => Assert.Contains(word.Channel, new int?[] { 1, 2 }));
    }

    [Fact]
    public async Task Transcribe_MultilingualModelWithoutLanguage_IdentifiesOneOfItsLanguages()
    {
        var engine = fixture.Multilingual;

        var result = await engine.TranscribeAsync(fixture.Sentence, null, CancellationToken.None);

        Assert.NotNull(result.Language);
        Assert.Contains(result.Language.Code, engine.Capabilities.Languages);
        Assert.InRange(result.Language.Probability, 0, 1);
        Assert.True(engine.Capabilities.IdentifiesLanguage);
        Assert.True(engine.Capabilities.Languages.Count > 90);
        Assert.Contains("de", engine.Capabilities.Languages);
    }

    [Fact]
    public async Task Transcribe_LanguageGiven_IsForcedAndNotIdentified()
    {
        var result = await fixture.Multilingual.TranscribeAsync(new RecognitionRequest(fixture.Sentence) { Language = "de" }, null, CancellationToken.None);

        Assert.Null(result.Language);
        Assert.Equal("whisper-tiny", result.SpeechModel);
    }

    [Fact]
    public void Capabilities_EnglishOnlyModel_SaysSo()
    {
        var capabilities = fixture.English.Capabilities;

        Assert.Equal(["en"], capabilities.Languages);
        Assert.False(capabilities.IdentifiesLanguage);
        Assert.True(capabilities.Keyterms && capabilities.PromptAndTemperature && capabilities.Channels && capabilities.WordTimings);
        Assert.Equal(2, capabilities.AccuracyRank);
        Assert.Contains("tiny", capabilities.Summary);
    }

    [Fact]
    public async Task Transcribe_WithKeyterms_RunsWithThemAsThePrompt()
    {
        var result = await fixture.English.TranscribeAsync(new RecognitionRequest(fixture.Sentence) { Keyterms = ["Kubernetes", "Verbatim"] }, null, CancellationToken.None);

        Assert.Equal("whisper-tiny.en", result.SpeechModel);
        Assert.All(result.Words, word => Assert.InRange(word.Confidence, 0, 1));
    }

    [Fact]
    public async Task Transcribe_WithAPromptOrATemperature_DecodesDifferently()
    {
        // Random weights recognise nothing real, but their decoding is deterministic and reads every token it is given:
        // if the prompt or the temperature did not reach whisper.cpp, the words would be the same as without them.
        // (On the one short sentence this model's single word happens not to move with a prompt; over 45 s it does.)
        var plain = await WordsOf(new RecognitionRequest(fixture.LongSpeech));
        var again = await WordsOf(new RecognitionRequest(fixture.LongSpeech));
        var prompted = await WordsOf(new RecognitionRequest(fixture.LongSpeech) { Prompt = "Minutes of the harbour board: tides, moorings and the new crane." });
        var hotter = await WordsOf(new RecognitionRequest(fixture.Sentence) { Temperature = 1.0 });

        Assert.NotEmpty(plain);
        Assert.Equal(plain, again);
        Assert.NotEqual(plain, prompted);
        Assert.NotEqual(await WordsOf(new RecognitionRequest(fixture.Sentence)), hotter);
    }

    [Theory]
    [InlineData(null, new string[0], null)]
    [InlineData("  A call about a delivery. ", new string[0], "A call about a delivery.")]
    [InlineData(null, new[] { "Kubernetes", "Verbatim" }, "Kubernetes, Verbatim")]
    [InlineData("A call about a delivery.", new[] { "Kubernetes" }, "A call about a delivery. Kubernetes")]
    public void InitialPrompt_IsThePromptThenTheKeyterms(string? prompt, string[] keyterms, string? expected) =>
        Assert.Equal(expected, WhisperSpeechEngine.InitialPrompt(new RecognitionRequest("a.wav") { Prompt = prompt, Keyterms = keyterms }));

    private async Task<List<string>> WordsOf(RecognitionRequest request) =>
        [.. (await fixture.English.TranscribeAsync(request, null, CancellationToken.None)).Words.Select(w => w.Text)];

    [Fact]
    public async Task Transcribe_Cancelled_StopsPromptly()
    {
        using var cancellation = new CancellationTokenSource();
        var cancelledAt = System.Diagnostics.Stopwatch.StartNew();
        var progress = new SynchronousProgress(percent =>
        {
            // Inside the windows: whisper is running.
            if (percent > 5 && !cancellation.IsCancellationRequested)
            {
                cancelledAt.Restart();
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.English.TranscribeAsync(fixture.LongSpeech, progress, cancellation.Token));

        Assert.True(cancellation.IsCancellationRequested);
        Assert.InRange(cancelledAt.Elapsed.TotalSeconds, 0, 2);
    }

    [Fact]
    public async Task Transcribe_MissingModelFile_IsUnavailableWithAMessageForTheUser()
    {
        var engine = fixture.Create(new WhisperModelFile(fixture.Scratch.File("ggml-small.bin"), 1000, DateTime.UtcNow));

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.TranscribeAsync(fixture.Sentence, null, CancellationToken.None));

        Assert.Equal("The whisper model whisper-small (ggml-small.bin) could not be loaded: the file is no longer in the models folder. Ask the administrator to replace it.", error.Message);
    }

    [Fact]
    public async Task Transcribe_TruncatedModelFile_IsUnavailableAndSaysTruncated()
    {
        var path = fixture.Scratch.File("ggml-base.en.bin");
        var whole = await File.ReadAllBytesAsync(Path.Combine(fixture.ModelsDirectory, "ggml-tiny.en.bin"));
        await File.WriteAllBytesAsync(path, whole[..(whole.Length / 2)]);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Engine(path).TranscribeAsync(fixture.Sentence, null, CancellationToken.None));

        Assert.Contains("whisper-base.en (ggml-base.en.bin) could not be loaded: the file is truncated", error.Message);
    }

    [Fact]
    public async Task Transcribe_TextFileNamedAsAModel_IsUnavailableAndSaysItIsNotAModel()
    {
        var path = fixture.Scratch.File("ggml-medium.bin");
        await File.WriteAllTextAsync(path, "This is not a model, just some text somebody saved with the wrong name.\n");

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Engine(path).TranscribeAsync(fixture.Sentence, null, CancellationToken.None));

        Assert.Contains("could not be loaded: the file is not a whisper.cpp ggml model", error.Message);
    }

    [Fact]
    public async Task Transcribe_WeightlessTestModel_IsUnavailable()
    {
        var path = fixture.Scratch.File("ggml-tiny-weightless.bin");
        File.Copy(Path.Combine(TinyWhisperModel.SharedModelsDirectory, "for-tests-ggml-tiny.bin"), path, overwrite: true);

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => Engine(path).TranscribeAsync(fixture.Sentence, null, CancellationToken.None));

        Assert.Contains("holds no weights", error.Message);
    }

    [Fact]
    public async Task Transcribe_WhilePocketSphinxHoldsACore_WaitsForTheWholeBudget()
    {
        using var pool = new DecoderPool(SpeechEngineFixture.ModelDirectory, size: 2, fixture.Cpu);
        using var release = new ManualResetEventSlim();
        using var holding = new SemaphoreSlim(0);
        var inUseSeenByPocketSphinx = new List<int>();
        var pocketsphinx = pool.RunAsync(_ =>
        {
            lock (inUseSeenByPocketSphinx)
            {
                inUseSeenByPocketSphinx.Add(fixture.Cpu.InUse);
            }

            holding.Release();
            return release.Wait(TimeSpan.FromSeconds(30));
        }, CancellationToken.None);
        await holding.WaitAsync(TimeSpan.FromSeconds(30));
        var progress = new List<int>();

        // A whisper window needs both cores: it decodes the audio, then waits.
        var whisper = fixture.English.TranscribeAsync(fixture.Sentence, new SynchronousProgress(percent =>
        {
            lock (progress)
            {
                progress.Add(percent);
            }
        }), CancellationToken.None);
        // Until it queues for the budget (after ffmpeg has decoded the audio, which takes longer on a busy machine).
        var queuedBy = DateTime.UtcNow.AddSeconds(30);
        while (fixture.Cpu.Waiting == 0 && !whisper.IsCompleted && DateTime.UtcNow < queuedBy)
        {
            await Task.Delay(20);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        bool finishedEarly;
        int[] progressWhileBlocked;
        lock (progress)
        {
            finishedEarly = whisper.IsCompleted;
            progressWhileBlocked = [.. progress];
        }

        // And a pocketsphinx segment asked for after it waits behind it (first come, first served).
        var next = pool.RunAsync(_ =>
        {
            lock (inUseSeenByPocketSphinx)
            {
                inUseSeenByPocketSphinx.Add(fixture.Cpu.InUse);
            }

            // The whisper window has run (its progress passed decoding's 5%): the task itself may still be finishing.
            lock (progress)
            {
                return progress.Count > 0 && progress.Max() > 5;
            }
        }, CancellationToken.None);
        release.Set();
        await whisper;

        Assert.False(finishedEarly);
        Assert.All(progressWhileBlocked, percent => Assert.InRange(percent, 0, 5));
        Assert.True(await pocketsphinx);
        Assert.True(await next);
        Assert.All(inUseSeenByPocketSphinx, inUse => Assert.Equal(1, inUse));
        Assert.Equal(0, fixture.Cpu.InUse);
    }

    private WhisperSpeechEngine Engine(string path)
    {
        var file = new FileInfo(path);
        return fixture.Create(new WhisperModelFile(file.FullName, file.Length, file.LastWriteTimeUtc));
    }
}
