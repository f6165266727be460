using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;
using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace WebApp.Transcription.Engines.PocketSphinx;

/// <summary>
/// The process's pocketsphinx decoders, shared by all jobs. Loading one costs ~0.5 s and ~100 MB, so they are created on
/// first need and kept. The pool's size is also the engine's CPU budget: each decoder runs one segment at a time on one
/// core, and however many jobs run, no more than <see cref="Size"/> segments are recognised at once.
/// </summary>
/// <remarks>
/// A job with key terms changes its decoders' vocabulary and language model for good, so it gets decoders of its own
/// (<see cref="OpenKeytermSession"/>), loaded for it and freed when it ends; they never return to the shared ones. They
/// take the same slots, so the CPU bound holds; to keep memory near <see cref="Size"/> decoders, loading one frees an
/// idle shared decoder first when the pool is full.
/// </remarks>
public sealed class DecoderPool : IDisposable
{
    private readonly string modelDirectory;
    private readonly SemaphoreSlim slots;
    private readonly CpuBudget? cpu;
    private readonly BatchPriority priority;
    private readonly Stack<PocketSphinxDecoder> idle = new();
    private bool disposed;

    /// <param name="size">How many decoders at most; by default one per processor core.</param>
    /// <param name="cpu">
    /// The process's CPU budget shared with other engines (whisper): each segment also takes one permit from it. Without
    /// it the pool's own slots are the only bound.
    /// </param>
    /// <param name="priority">Makes the recognising threads give way to live sessions; none by default.</param>
    public DecoderPool(string modelDirectory, int? size = null, CpuBudget? cpu = null, BatchPriority? priority = null)
    {
        this.cpu = cpu;
        this.priority = priority ?? BatchPriority.None;
        Size = size ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(Size, 1, nameof(size));
        this.modelDirectory = modelDirectory;
        slots = new SemaphoreSlim(Size, Size);
    }

    public int Size { get; }

    /// <summary>
    /// How many decoders are loaded now, shared and key-term ones: at most <see cref="Size"/>, except while key-term
    /// jobs hold decoders of their own and the shared ones are all busy.
    /// </summary>
    public int LoadedCount { get; private set; }

    /// <summary>
    /// Waits for a free decoder and runs <paramref name="recognise"/> with it on a thread of its own: a recognition
    /// blocks for seconds in native code, and on the thread pool that would starve the web server's requests.
    /// </summary>
    public Task<T> RunAsync<T>(Func<PocketSphinxDecoder, T> recognise, CancellationToken cancellationToken) =>
        RunInSlotAsync(recognise, () => TakeIdle() ?? Load(), GiveBack, cancellationToken);

    /// <summary>
    /// Decoders biased toward <paramref name="vocabulary"/> for one job; dispose it when the job is done.
    /// </summary>
    /// <param name="weight">The terms' share of the language model (see <see cref="PocketSphinxDecoder.AddKeyterms"/>).</param>
    public KeytermSession OpenKeytermSession(KeytermVocabulary vocabulary, double weight) =>
        new(this, vocabulary, weight, KeytermDictionary.Write(modelDirectory, vocabulary));

    private async Task<T> RunInSlotAsync<T>(
        Func<PocketSphinxDecoder, T> recognise,
        Func<PocketSphinxDecoder> take,
        Action<PocketSphinxDecoder> giveBack,
        CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            using var core = cpu is null ? null : await cpu.AcquireAsync(1, cancellationToken);
            return await Task.Factory.StartNew(() =>
            {
                using var batch = priority.EnterBatchThread();
                var decoder = take();
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

                giveBack(decoder);
                return result;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            slots.Release();
        }
    }

    private PocketSphinxDecoder? TakeIdle()
    {
        lock (idle)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return idle.TryPop(out var decoder) ? decoder : null;
        }
    }

    private PocketSphinxDecoder Load(string? dictionaryPath = null)
    {
        var decoder = new PocketSphinxDecoder(modelDirectory, dictionaryPath);
        lock (idle)
        {
            LoadedCount++;
        }

        return decoder;
    }

    /// <summary>A decoder for a key-term session: memory for it comes from an idle shared decoder when the pool is full.</summary>
    private PocketSphinxDecoder LoadWithKeyterms(KeytermVocabulary vocabulary, double weight, KeytermDictionary dictionary)
    {
        PocketSphinxDecoder? evicted = null;
        lock (idle)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (LoadedCount >= Size && idle.TryPop(out evicted))
            {
                LoadedCount--;
            }
        }

        evicted?.Dispose();
        var decoder = Load(dictionary.Path);
        try
        {
            decoder.AddKeyterms(vocabulary, weight);
        }
        catch
        {
            Discard(decoder);
            throw;
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

    /// <summary>One job's decoders with its key terms, loaded on demand (at most one per slot) and freed on dispose.</summary>
    public sealed class KeytermSession(DecoderPool pool, KeytermVocabulary vocabulary, double weight, KeytermDictionary dictionary) : IDisposable
    {
        private readonly Stack<PocketSphinxDecoder> own = new();
        private bool closed;

        /// <summary>As <see cref="DecoderPool.RunAsync{T}"/>, on a decoder with this session's key terms.</summary>
        public Task<T> RunAsync<T>(Func<PocketSphinxDecoder, T> recognise, CancellationToken cancellationToken) =>
            pool.RunInSlotAsync(recognise, Take, GiveBack, cancellationToken);

        private PocketSphinxDecoder Take()
        {
            lock (own)
            {
                ObjectDisposedException.ThrowIf(closed, this);
                if (own.TryPop(out var decoder))
                {
                    return decoder;
                }
            }

            return pool.LoadWithKeyterms(vocabulary, weight, dictionary);
        }

        private void GiveBack(PocketSphinxDecoder decoder)
        {
            lock (own)
            {
                if (!closed)
                {
                    own.Push(decoder);
                    return;
                }
            }

            pool.Discard(decoder);
        }

        public void Dispose()
        {
            List<PocketSphinxDecoder> decoders;
            lock (own)
            {
                closed = true;
                decoders = [.. own];
                own.Clear();
            }

            foreach (var decoder in decoders)
            {
                pool.Discard(decoder);
            }

            dictionary.Dispose();
        }
    }
}
