using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx;

namespace WebApp.Tests.Transcription;

[Collection(SpeechEngineCollection.Name)]
public sealed class DecoderPoolTests(SpeechEngineFixture fixture)
{
    [Fact]
    public async Task RunAsync_MoreCallsThanDecoders_ReusesThemAndNeverLoadsMoreThanItsSize()
    {
        var samples = new short[16000];
        var running = 0;
        var mostAtOnce = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Pool.RunAsync(decoder =>
        {
            InterlockedMax(ref mostAtOnce, Interlocked.Increment(ref running));
            Thread.Sleep(100);
            Interlocked.Decrement(ref running);
            return decoder.Recognize(samples);
        }, CancellationToken.None)));

        Assert.InRange(fixture.Pool.LoadedCount, 1, fixture.Pool.Size);
        Assert.Equal(fixture.Pool.Size, mostAtOnce);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaitingForADecoder_ThrowsWithoutRunning()
    {
        using var release = new ManualResetEventSlim();
        using var entered = new SemaphoreSlim(0);
        var holders = Enumerable.Range(0, fixture.Pool.Size)
            .Select(_ => fixture.Pool.RunAsync(_ =>
            {
                entered.Release();
                return release.Wait(TimeSpan.FromSeconds(10));
            }, CancellationToken.None))
            .ToArray();
        for (var i = 0; i < fixture.Pool.Size; i++)
        {
            await entered.WaitAsync(TimeSpan.FromSeconds(10));
        }

        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var ran = false;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fixture.Pool.RunAsync(_ => ran = true, cancellation.Token));
        release.Set();
        await Task.WhenAll(holders);

        Assert.False(ran);
    }

    [Fact]
    public async Task RunAsync_ModelDirectoryWithoutModel_ThrowsNamingThePackage()
    {
        using var pool = new DecoderPool("/nonexistent/model", 1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pool.RunAsync(decoder => 0, CancellationToken.None));

        Assert.Contains("pocketsphinx-en-us", error.Message);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
