namespace WebApp.Transcription.Engine;

/// <summary>
/// The process's pocketsphinx decoders, shared by all jobs. Loading one costs ~0.5 s and ~100 MB, so they are created on
/// first need and kept. The pool's size is also the engine's CPU budget: each decoder runs one segment at a time on one
/// core, and however many jobs run, no more than <see cref="Size"/> segments are recognised at once.
/// </summary>
public sealed class DecoderPool : IDisposable
{
    private readonly string modelDirectory;
    private readonly SemaphoreSlim slots;
    private readonly Stack<PocketSphinxDecoder> idle = new();
    private bool disposed;

    /// <param name="size">How many decoders at most; by default one per processor core.</param>
    public DecoderPool(string modelDirectory, int? size = null)
    {
        Size = size ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(Size, 1, nameof(size));
        this.modelDirectory = modelDirectory;
        slots = new SemaphoreSlim(Size, Size);
    }

    public int Size { get; }

    /// <summary>How many decoders have been loaded so far (never more than <see cref="Size"/>).</summary>
    public int LoadedCount { get; private set; }

    /// <summary>
    /// Waits for a free decoder and runs <paramref name="recognise"/> with it on a thread of its own: a recognition
    /// blocks for seconds in native code, and on the thread pool that would starve the web server's requests.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<PocketSphinxDecoder, T> recognise, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Factory.StartNew(() => RunOnIdleDecoder(recognise), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            slots.Release();
        }
    }

    private T RunOnIdleDecoder<T>(Func<PocketSphinxDecoder, T> recognise)
    {
        var decoder = TakeIdle() ?? Load();
        T result;
        try
        {
            result = recognise(decoder);
        }
        catch
        {
            // It may have failed mid-utterance; a fresh one is cheaper than finding out.
            Discard(decoder);
            throw;
        }

        GiveBack(decoder);
        return result;
    }

    private PocketSphinxDecoder? TakeIdle()
    {
        lock (idle)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return idle.TryPop(out var decoder) ? decoder : null;
        }
    }

    private PocketSphinxDecoder Load()
    {
        var decoder = new PocketSphinxDecoder(modelDirectory);
        lock (idle)
        {
            LoadedCount++;
        }

        return decoder;
    }

    private void GiveBack(PocketSphinxDecoder decoder)
    {
        lock (idle)
        {
            if (!disposed)
            {
                idle.Push(decoder);
                return;
            }
        }

        decoder.Dispose();
    }

    private void Discard(PocketSphinxDecoder decoder)
    {
        lock (idle)
        {
            LoadedCount--;
        }

        decoder.Dispose();
    }

    public void Dispose()
    {
        lock (idle)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            while (idle.TryPop(out var decoder))
            {
                decoder.Dispose();
            }
        }
    }
}
