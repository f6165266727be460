using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// A real SMTP server: Debian's aiosmtpd (python3-aiosmtpd, installed by scripts/setup.sh --test) on a free loopback
/// port, keeping every message it accepts in a maildir of its own.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly StringBuilder log = new();
    private readonly Process process;

    private SmtpSink(int port, string directory, Process process)
    {
        Port = port;
        Directory = directory;
        this.process = process;
    }

    public int Port { get; }

    public string Directory { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: install Debian's python3-aiosmtpd (scripts/setup.sh --test does).");
        var directory = System.IO.Directory.CreateTempSubdirectory("verbatim-smtp-").FullName;
        var port = TcpPorts.Free();
        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "--nosetuid", "--listen", $"127.0.0.1:{port}", "--class", "aiosmtpd.handlers.Mailbox", Path.Combine(directory, "maildir")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var sink = new SmtpSink(port, directory, Process.Start(start)!);
        sink.process.OutputDataReceived += (_, e) => sink.Append(e.Data);
        sink.process.ErrorDataReceived += (_, e) => sink.Append(e.Data);
        sink.process.BeginOutputReadLine();
        sink.process.BeginErrorReadLine();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            Assert.False(sink.process.HasExited, $"aiosmtpd exited at start (is python3-aiosmtpd installed?):\n{sink.Log}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException)
            {
            }
        }

        throw new TimeoutException($"aiosmtpd did not listen on {port} within 30 s:\n{sink.Log}");
    }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>The messages delivered so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var delivered = Path.Combine(Directory, "maildir", "new");
        return System.IO.Directory.Exists(delivered)
            ? [.. System.IO.Directory.GetFiles(delivered).Select(file => (File: file, Time: File.GetLastWriteTimeUtc(file))).OrderBy(f => f.Time).Select(f => MimeMessage.Load(f.File))]
            : [];
    }

    public async Task<MimeMessage> WaitForMessageAsync(int count = 1, int timeoutSeconds = 60)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            if (Messages() is { } messages && messages.Count >= count)
            {
                return messages[count - 1];
            }
        }

        throw new TimeoutException($"No message {count} arrived within {timeoutSeconds} s:\n{Log}");
    }

    /// <summary>Ends the server, so the next connection to its port is refused.</summary>
    public void Stop()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}
