using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace WebApp.Tests.Infrastructure;

/// <summary>
/// The real app, started as its own process on a free loopback port with a data directory of its own: tests talk
/// to it over real HTTP and can kill and restart it. Settings are passed as environment variables.
/// </summary>
public sealed class VerbatimServer : IAsyncDisposable
{
    private readonly Dictionary<string, string> settings;
    private readonly StringBuilder log = new();
    private Process? process;

    public VerbatimServer(IDictionary<string, string>? settings = null, string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("verbatim-test-").FullName;
        Port = FreePort();
        this.settings = new Dictionary<string, string>
        {
            ["Verbatim__DataDirectory"] = DataDirectory,
            ["Verbatim__Fetch__AllowPrivateAddresses"] = "true",
            ["Verbatim__Fetch__TimeoutSeconds"] = "5",
            ["Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            this.settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>The running app's process id, e.g. to read its memory use from /proc.</summary>
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>What the app printed so far; attached to assertion messages when a test fails.</summary>
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

    public async Task StartAsync()
    {
        process = Launch($"--urls {BaseAddress}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} during start-up:\n{Log}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "/health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app did not answer /health within 180 s:\n{Log}");
    }

    /// <summary>Ends the process at once, as a crash or power cut would.</summary>
    public void Kill()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>Runs <c>create-api-key</c> against this server's data directory and returns the printed key.</summary>
    public async Task<string> CreateApiKeyAsync(string email)
    {
        var (exitCode, stdout) = await RunCommandAsync($"create-api-key --email {email}");
        Assert.True(exitCode == 0, $"create-api-key exited with {exitCode}:\n{stdout}\n{Log}");
        return stdout.TrimEnd().Split('\n')[^1].Trim();
    }

    public async Task<(int ExitCode, string Stdout)> RunCommandAsync(string arguments)
    {
        using var command = Launch(arguments, captureLog: false);
        var stdout = await command.StandardOutput.ReadToEndAsync();
        await command.WaitForExitAsync();
        return (command.ExitCode, stdout);
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("authorization", apiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private Process Launch(string arguments, bool captureLog = true)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{AppPaths.WebAppDll}\" --contentRoot \"{Path.GetDirectoryName(AppPaths.WebAppDll)}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var started = Process.Start(start)!;
        if (captureLog)
        {
            started.OutputDataReceived += (_, e) => Append(e.Data);
            started.BeginOutputReadLine();
        }

        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginErrorReadLine();
        return started;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
