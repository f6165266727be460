using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Verbatim.Bench.Load;

/// <summary>
/// The app as users run it: its own process (the Release build beside the bench), its own data directory and a free
/// loopback port, so that the load generator measures HTTP, authentication, the database and serialisation together.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("verbatim-bench-").FullName;
    private readonly StringBuilder log = new();
    private Process? process;

    private BenchServer(int port) => BaseAddress = new Uri($"http://127.0.0.1:{port}");

    public Uri BaseAddress { get; }

    public string ApiKey { get; private set; } = "";

    public int ProcessId => process!.Id;

    private static string AppDll => Path.Combine(RepoRoot, "src", "WebApp", "bin", "Release", "net10.0", "WebApp.dll");

    public static string RepoRoot { get; } = FindRepoRoot();

    public static async Task<BenchServer> StartAsync()
    {
        var server = new BenchServer(FreePort());
        var (exitCode, output) = await server.RunToEndAsync("create-api-key --email bench@example.com");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"create-api-key failed:\n{output}");
        }

        server.ApiKey = output.TrimEnd().Split('\n')[^1].Trim();
        server.process = server.Launch($"--urls {server.BaseAddress}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline; await Task.Delay(250))
        {
            try
            {
                if ((await http.GetAsync(new Uri(server.BaseAddress, "/health"))).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }
        }

        throw new TimeoutException($"The app did not start:\n{server.log}");
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.TryAddWithoutValidation("authorization", ApiKey);
        return client;
    }

    /// <summary>Uploads the audio, asks for a transcript with the given options and waits until it is completed.</summary>
    public async Task<string> TranscribeAsync(string audioPath, object? options = null, TimeSpan? timeout = null)
    {
        using var http = CreateClient();
        await using var audio = File.OpenRead(audioPath);
        var upload = await (await http.PostAsync("/v2/upload", new StreamContent(audio))).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var body = JsonSerializer.SerializeToElement(options ?? new { });
        var request = new Dictionary<string, JsonElement> { ["audio_url"] = upload.GetProperty("upload_url") };
        foreach (var property in body.EnumerateObject())
        {
            request[property.Name] = property.Value;
        }

        var created = await (await http.PostAsJsonAsync("/v2/transcript", request)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        for (var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(30)); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            var transcript = await http.GetFromJsonAsync<JsonElement>($"/v2/transcript/{id}");
            switch (transcript.GetProperty("status").GetString())
            {
                case "completed":
                    return id;
                case "error":
                    throw new InvalidOperationException($"Transcript {id} failed: {transcript.GetProperty("error")}");
            }
        }

        throw new TimeoutException($"Transcript {id} did not complete in time.");
    }

    /// <summary>The server's peak resident memory so far (VmHWM), in MB.</summary>
    public double PeakResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{ProcessId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) / 1024.0;
    }

    /// <summary>The server's CPU time so far, user and system (/proc/PID/stat, in clock ticks of 10 ms).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{ProcessId}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromMilliseconds((long.Parse(fields[11]) + long.Parse(fields[12])) * 10);
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }

    private async Task<(int ExitCode, string Output)> RunToEndAsync(string arguments)
    {
        using var command = Launch(arguments);
        await command.WaitForExitAsync();
        lock (log)
        {
            return (command.ExitCode, log.ToString());
        }
    }

    private Process Launch(string arguments)
    {
        if (!File.Exists(AppDll))
        {
            throw new FileNotFoundException($"Build the app in Release first (bench/run.sh does): {AppDll}");
        }

        var start = new ProcessStartInfo("dotnet", $"\"{AppDll}\" --contentRoot \"{Path.GetDirectoryName(AppDll)}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Verbatim__DataDirectory"] = dataDirectory;
        start.Environment["Verbatim__Fetch__AllowPrivateAddresses"] = "true";
        // Request logs at Information would measure the console, not the app.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // One key drives the whole load: its request rate limit (6,000 a minute by default) would measure the limiter.
        start.Environment["Verbatim__Limits__Default__RequestsPerMinute"] = "10000000";
        var started = Process.Start(start)!;
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        return started;
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WebApp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("WebApp.sln not found above the bench.");
    }
}
