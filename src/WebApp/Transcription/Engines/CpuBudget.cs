namespace WebApp.Transcription.Engines;

/// <summary>
/// The process's cores, shared by every engine's native work: a pocketsphinx segment takes one permit, a whisper
/// window as many as the threads it runs on. Requests are served first come, first served, so a whisper window that
/// needs every core is not starved by a stream of one-core pocketsphinx segments, and they never together run more
/// threads than there are permits.
/// </summary>
public sealed class CpuBudget
{
    private readonly Lock gate = new();
    private readonly LinkedList<Waiter> waiting = new();
    private int available;

    /// <param name="permits">How many cores native work may keep busy at once; null means one per processor core.</param>
    public CpuBudget(int? permits = null)
    {
        Permits = permits ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(Permits, 1, nameof(permits));
        available = Permits;
    }

    public int Permits { get; }

    /// <summary>Permits held right now.</summary>
    public int InUse
    {
        get
        {
            lock (gate)
            {
                return Permits - available;
            }
        }
    }

    /// <summary>Requests waiting for permits right now, in the order they will be served.</summary>
    public int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiting.Count;
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> permits (at most <see cref="Permits"/>) are free and takes them; dispose to give them back.</summary>
    public async Task<IDisposable> AcquireAsync(int count, CancellationToken cancellationToken)
    {
        count = Math.Clamp(count, 1, Permits);
        Waiter waiter;
        lock (gate)
        {
            if (waiting.Count == 0 && available >= count)
            {
                available -= count;
                return new Lease(this, count);
            }

            waiter = new Waiter(count);
            waiter.Node = waiting.AddLast(waiter);
        }

        using (cancellationToken.Register(() => Abandon(waiter, cancellationToken)))
        {
            await waiter.Granted.Task.ConfigureAwait(false);
        }

        return new Lease(this, count);
    }

    private void Abandon(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (waiter.Node?.List is null)
            {
                return; // Already granted: the caller gets its lease and gives it back.
            }

            waiting.Remove(waiter.Node);
            // The head may have been waiting behind this one.
            GrantWaiting();
        }

        waiter.Granted.TrySetCanceled(cancellationToken);
    }

    private void Release(int count)
    {
        lock (gate)
        {
            available += count;
            GrantWaiting();
        }
    }

    /// <summary>Serves waiters in order while the first one fits; must hold <see cref="gate"/>.</summary>
    private void GrantWaiting()
    {
        while (waiting.First is { } first && available >= first.Value.Count)
        {
            available -= first.Value.Count;
            waiting.RemoveFirst();
            // Continuations run elsewhere (RunContinuationsAsynchronously), never inside the lock.
            first.Value.Granted.TrySetResult();
        }
    }

    private sealed class Waiter(int count)
    {
        public int Count { get; } = count;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }
    }

    private sealed class Lease(CpuBudget budget, int count) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                budget.Release(count);
            }
        }
    }
}
