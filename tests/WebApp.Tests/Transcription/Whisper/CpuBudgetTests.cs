using WebApp.Transcription.Engines;

namespace WebApp.Tests.Transcription.Whisper;

public sealed class CpuBudgetTests
{
    [Fact]
    public async Task Acquire_LargeRequestWaiting_IsNotOvertakenBySmallerOnesAfterIt()
    {
        var budget = new CpuBudget(2);
        var first = await budget.AcquireAsync(1, CancellationToken.None);
        var whole = budget.AcquireAsync(2, CancellationToken.None);
        var later = budget.AcquireAsync(1, CancellationToken.None);

        Assert.False(whole.IsCompleted);
        Assert.False(later.IsCompleted); // one permit is free, but the request for two came first
        first.Dispose();
        var wholeLease = await whole.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, budget.InUse);
        Assert.False(later.IsCompleted);
        wholeLease.Dispose();
        (await later.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task Acquire_CancelledWhileWaiting_ThrowsAndLetsTheNextOneIn()
    {
        var budget = new CpuBudget(2);
        var held = await budget.AcquireAsync(1, CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var whole = budget.AcquireAsync(2, cancellation.Token);
        var small = budget.AcquireAsync(1, CancellationToken.None);

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => whole);
        (await small.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        held.Dispose();
        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public async Task Acquire_MoreThanThePermits_TakesThemAll()
    {
        var budget = new CpuBudget(2);

        using var lease = await budget.AcquireAsync(8, CancellationToken.None);

        Assert.Equal(2, budget.InUse);
    }
}
