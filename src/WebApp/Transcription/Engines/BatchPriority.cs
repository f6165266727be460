using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WebApp.Transcription.Engines;

/// <summary>
/// Batch work gives way to live sessions through the kernel's scheduler: while a live session decodes, batch decoding
/// threads and their ffmpeg processes run <c>niceness</c> steps nicer (Linux nice values are per thread), so the cores
/// go to live decoders first and batch jobs slow down rather than live ones. A thread or process that starts while a
/// live session runs starts nicer; ones already running are reniced when the first live session begins. Going back
/// needs privilege (RLIMIT_NICE), so without it a reniced batch thread stays nicer until its segment ends; the next
/// segment runs on a new thread at the process's own priority.
/// </summary>
public sealed partial class BatchPriority(int niceness)
{
    private const int PrioProcess = 0;
    private const int MaxNice = 19;

    private readonly Lock gate = new();
    private readonly Dictionary<int, int> threads = [];
    private readonly Dictionary<int, int> processes = [];
    private int liveSessions;

    /// <summary>No yielding: for tests and benches that measure without it.</summary>
    public static BatchPriority None { get; } = new(0);

    /// <summary>True while batch work runs nicer than live sessions.</summary>
    public bool Yielding
    {
        get
        {
            lock (gate)
            {
                return IsYielding;
            }
        }
    }

    private bool IsYielding => liveSessions > 0 && niceness > 0 && OperatingSystem.IsLinux();

    /// <summary>Called by the live decoders whenever the number of decoding sessions changes.</summary>
    public void LiveSessionsChanged(int count)
    {
        lock (gate)
        {
            var was = IsYielding;
            liveSessions = count;
            if (was == IsYielding)
            {
                return;
            }

            foreach (var (thread, original) in threads)
            {
                SetNice(thread, IsYielding ? Math.Min(original + niceness, MaxNice) : original);
            }

            foreach (var (process, original) in processes)
            {
                Renice(process, IsYielding ? Math.Min(original + niceness, MaxNice) : original);
            }
        }
    }

    /// <summary>The calling thread does batch decoding until the result is disposed.</summary>
    public IDisposable EnterBatchThread()
    {
        if (niceness == 0 || !OperatingSystem.IsLinux())
        {
            return NoScope.Instance;
        }

        var thread = gettid();
        lock (gate)
        {
            var original = GetNice(thread);
            threads[thread] = original;
            if (IsYielding)
            {
                SetNice(thread, Math.Min(original + niceness, MaxNice));
            }

            return new Scope(() =>
            {
                lock (gate)
                {
                    threads.Remove(thread);
                    SetNice(thread, original);
                }
            });
        }
    }

    /// <summary>A batch job's child process (ffmpeg), followed until the result is disposed.</summary>
    public IDisposable Follow(Process process)
    {
        if (niceness == 0 || !OperatingSystem.IsLinux())
        {
            return NoScope.Instance;
        }

        var id = process.Id;
        lock (gate)
        {
            var original = GetNice(id);
            processes[id] = original;
            if (IsYielding)
            {
                Renice(id, Math.Min(original + niceness, MaxNice));
            }
        }

        return new Scope(() =>
        {
            lock (gate)
            {
                processes.Remove(id);
            }
        });
    }

    /// <summary>Every thread of the process (ffmpeg may decode on several).</summary>
    private static void Renice(int process, int nice)
    {
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{process}/task"))
            {
                if (int.TryParse(Path.GetFileName(task), out var thread))
                {
                    SetNice(thread, nice);
                }
            }
        }
        catch (IOException)
        {
            // It has exited.
        }
    }

    private static int GetNice(int thread)
    {
        Marshal.SetLastPInvokeError(0);
        var nice = getpriority(PrioProcess, thread);
        return nice == -1 && Marshal.GetLastPInvokeError() != 0 ? 0 : nice;
    }

    /// <summary>Best effort: lowering a nice value without privilege fails with EACCES, and a thread may have ended.</summary>
    private static void SetNice(int thread, int nice) => _ = setpriority(PrioProcess, thread, nice);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, int who, int prio);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getpriority(int which, int who);

    [LibraryImport("libc")]
    private static partial int gettid();

    private sealed class Scope(Action end) : IDisposable
    {
        private int ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                end();
            }
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
