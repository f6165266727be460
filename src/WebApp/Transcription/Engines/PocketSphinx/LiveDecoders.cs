using WebApp.Transcription.Engines.PocketSphinx.Keyterms;

namespace WebApp.Transcription.Engines.PocketSphinx;

/// <summary>
/// Decoders for live streams, apart from the batch <see cref="DecoderPool"/>: a stream holds one for its whole session,
/// so a queue of batch jobs never makes it wait, and it takes no permit from the <see cref="CpuBudget"/> (a live stream
/// uses a fraction of a core and cannot pause). Loading still goes through the process-wide set-up gate, inside
/// <see cref="PocketSphinxDecoder"/>. A few plain decoders are kept warm between sessions; one with key terms is
/// loaded for its session and freed after it, as in batch.
/// </summary>
/// <param name="priority">Told how many sessions decode, so batch work gives way to them.</param>
/// <param name="singlePass">Decoders without the second passes (see <see cref="PocketSphinxConfig.Create"/>).</param>
public sealed class LiveDecoders(string modelDirectory, KeytermPronouncer pronouncer, int warmCount, BatchPriority? priority = null, bool singlePass = false) : IDisposable
{
    private readonly Stack<PocketSphinxDecoder> warm = new();
    private bool disposed;

    private int inUse;

    /// <summary>Decoders held by sessions now.</summary>
    public int InUse
    {
        get => inUse;
        private set
        {
            inUse = value;
            priority?.LiveSessionsChanged(value);
        }
    }

    public async Task<LiveDecoder> AcquireAsync(IReadOnlyList<string> keyterms, CancellationToken cancellationToken)
    {
        var vocabulary = keyterms.Count == 0 ? null : await pronouncer.PronounceAsync(keyterms, cancellationToken);
        if (vocabulary is null)
        {
            lock (warm)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                InUse++;
                if (warm.TryPop(out var ready))
                {
                    return new LiveDecoder(this, ready, null);
                }
            }

            return new LiveDecoder(this, await LoadAsync(() => new PocketSphinxDecoder(modelDirectory, singlePass: singlePass)), null);
        }

        using var dictionary = KeytermDictionary.Write(modelDirectory, vocabulary);
        var decoder = await LoadAsync(() =>
        {
            var loaded = new PocketSphinxDecoder(modelDirectory, dictionary.Path, singlePass);
            try
            {
                loaded.AddKeyterms(vocabulary, PocketSphinxEngine.KeytermWeight);
            }
            catch
            {
                loaded.Dispose();
                throw;
            }

            return loaded;
        });
        lock (warm)
        {
            InUse++;
        }

        return new LiveDecoder(this, decoder, vocabulary);
    }

    /// <summary>Loading blocks for about a second in native code: off the thread pool.</summary>
    private static Task<PocketSphinxDecoder> LoadAsync(Func<PocketSphinxDecoder> load) =>
        Task.Factory.StartNew(load, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void GiveBack(PocketSphinxDecoder decoder, bool reusable)
    {
        lock (warm)
        {
            InUse--;
            if (reusable && !disposed && warm.Count < warmCount)
            {
                warm.Push(decoder);
                return;
            }
        }

        decoder.Dispose();
    }

    public void Dispose()
    {
        lock (warm)
        {
            disposed = true;
            while (warm.TryPop(out var decoder))
            {
                decoder.Dispose();
            }
        }
    }

    /// <summary>One session's decoder; dispose when the session ends. Not thread-safe: one thread feeds it.</summary>
    public sealed class LiveDecoder(LiveDecoders owner, PocketSphinxDecoder decoder, KeytermVocabulary? vocabulary) : IDisposable
    {
        private bool failed;

        public PocketSphinxDecoder Decoder => decoder;

        /// <summary>The session's key terms, to spell recognised term words as the caller did.</summary>
        public KeytermVocabulary? Vocabulary => vocabulary;

        /// <summary>After an error mid-utterance the decoder is not reused.</summary>
        public void MarkFailed() => failed = true;

        public void Dispose() => owner.GiveBack(decoder, reusable: vocabulary is null && !failed);
    }
}
