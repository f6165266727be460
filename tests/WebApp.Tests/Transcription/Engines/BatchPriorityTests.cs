using System.Diagnostics;
using WebApp.Transcription.Engines;

namespace WebApp.Tests.Transcription.Engines;

/// <summary>Batch work's nice values as the kernel reports them (/proc), with live sessions and without.</summary>
public sealed class BatchPriorityTests
{
    [Fact]
    public async Task BatchThread_RunsTenStepsNicer_OnlyWhileALiveSessionDecodes()
    {
        var priority = new BatchPriority(10);
        var entered = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            using var batch = priority.EnterBatchThread();
            entered.SetResult("/proc/" + new DirectoryInfo("/proc/thread-self").LinkTarget);
            release.Wait();
        });
        thread.Start();
        var task = await entered.Task;
        var original = Nice(task);

        priority.LiveSessionsChanged(1);
        var whileLive = Nice(task);
        priority.LiveSessionsChanged(0);
        var after = Nice(task);
        release.Set();
        thread.Join();

        Assert.Equal(Math.Min(original + 10, 19), whileLive);
        // Raising a thread's priority again needs privilege (RLIMIT_NICE); without it the thread stays nicer.
        Assert.True(after == original || (after == whileLive && Environment.UserName != "root"), $"{original} → {whileLive} → {after}");
    }

    [Fact]
    public void ChildProcess_StartedDuringALiveSession_RunsNicer_AndAStartedOneIsRenicedWhenOneBegins()
    {
        var priority = new BatchPriority(10);
        using var before = Process.Start("sleep", "30");
        using var followBefore = priority.Follow(before);
        var original = Nice($"/proc/{before.Id}");
        try
        {
            priority.LiveSessionsChanged(2);
            Assert.Equal(Math.Min(original + 10, 19), Nice($"/proc/{before.Id}"));

            using var during = Process.Start("sleep", "30");
            using var followDuring = priority.Follow(during);
            Assert.Equal(Math.Min(original + 10, 19), Nice($"/proc/{during.Id}"));
            during.Kill();
        }
        finally
        {
            before.Kill();
        }
    }

    [Fact]
    public void NicenessZero_ChangesNothing()
    {
        var priority = new BatchPriority(0);
        using var child = Process.Start("sleep", "30");
        var original = Nice($"/proc/{child.Id}");
        using var follow = priority.Follow(child);
        priority.LiveSessionsChanged(3);
        Assert.False(priority.Yielding);
        Assert.Equal(original, Nice($"/proc/{child.Id}"));
        child.Kill();
    }

    /// <summary>Field 19 of a task's stat: its nice value.</summary>
    private static int Nice(string task)
    {
        var stat = File.ReadAllText(Path.Combine(task, "stat"));
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16]);
    }
}
