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

    private readonly TestCertificate? tls;

    /// <param name="tls">Serve https with this certificate instead of http.</param>
    public VerbatimServer(IDictionary<string, string>? settings = null, string? dataDirectory = null, TestCertificate? tls = null)
    {
        this.tls = tls;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("verbatim-test-").FullName;
        Port = TcpPorts.Free();
        this.settings = new Dictionary<string, string>
        {
            ["Verbatim__DataDirectory"] = DataDirectory,
            ["Verbatim__Fetch__AllowPrivateAddresses"] = "true",
            ["Verbatim__Fetch__TimeoutSeconds"] = "5",
            ["Logging__LogLevel__Default"] = "Information",
            // Most tests register several people; the sign-up tests pass the default (InvitedOnly) or others themselves.
            ["Verbatim__Accounts__SignUpPolicy"] = "Anyone",
        };
        foreach (var (key, value) in (settings ?? new Dictionary<string, string>()).Concat(tls?.KestrelSettings() ?? new Dictionary<string, string>()))
        {
            this.settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>Sets one more setting before <see cref="StartAsync"/>, e.g. one that needs <see cref="BaseAddress"/>.</summary>
    public void Configure(string key, string value) => settings[key] = value;

    public int Port { get; }

    public Uri BaseAddress => new($"{(tls is null ? "http" : "https")}://127.0.0.1:{Port}");

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

    // Generous: on a loaded 2-core machine (several suites at once) start-up with migrations has taken over a minute.
    private const int StartTimeoutSeconds = 180;

    /// <summary>
    /// Where a start that stalled is described (the app's threads, the test process's thread pool), one report per
    /// stall, so a rare stall seen in a long run can be read afterwards even though the second try passed.
    /// </summary>
    public static string StallReports { get; } = Path.Combine(Path.GetTempPath(), "verbatim-start-stalls");

    /// <summary>
    /// Starts the app and waits for /health. A start that neither answers nor exits within the timeout is described in
    /// <see cref="StallReports"/> and tried once more: about one full run in five on a busy 2-core machine saw one such
    /// stall, with no log line after the hosted services started, which no single run has reproduced so far.
    /// </summary>
    public async Task StartAsync()
    {
        try
        {
            await StartOnceAsync();
        }
        catch (StartStalledException stalled)
        {
            Directory.CreateDirectory(StallReports);
            await File.WriteAllTextAsync(Path.Combine(StallReports, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Port}.txt"), $"{stalled.Message}\n{await DescribeStallAsync()}");
            Kill();
            lock (log)
            {
                log.Clear();
            }

            await StartOnceAsync();
        }
    }

    private async Task StartOnceAsync()
    {
        process = Launch($"--urls {BaseAddress}");
        using var http = new HttpClient(Handler()) { Timeout = TimeSpan.FromSeconds(2) };
        var started = DateTime.UtcNow;
        var deadline = started.AddSeconds(StartTimeoutSeconds);
        var (polls, lastProblem) = (0, "none");
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode} during start-up:\n{Log}");
            }

            polls++;
            try
            {
                using var health = await http.GetAsync(new Uri(BaseAddress, "/health"));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }

                lastProblem = $"HTTP {(int)health.StatusCode}";
            }
            catch (Exception unanswered) when (unanswered is HttpRequestException or TaskCanceledException)
            {
                lastProblem = $"{unanswered.GetType().Name}: {unanswered.Message}";
            }

            await Task.Delay(200);
        }

        throw new StartStalledException(
            $"The app did not answer /health within {StartTimeoutSeconds} s ({polls} polls; the last: {lastProblem}; " +
            $"test process thread pool: {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} items waiting):\n{Log}");
    }

    /// <summary>The stalled app's managed stacks, by the dotnet-stack tool of the repository's tool manifest.</summary>
    private async Task<string> DescribeStallAsync()
    {
        if (process is not { HasExited: false })
        {
            return "The app had exited.";
        }

        try
        {
            var start = new ProcessStartInfo("dotnet", $"dotnet-stack report -p {process.Id}")
            {
                WorkingDirectory = AppPaths.RepoRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var stack = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = stack.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = stack.StandardError.ReadToEndAsync(timeout.Token);
            await stack.WaitForExitAsync(timeout.Token);
            return $"dotnet-stack ({stack.ExitCode}):\n{await output}\n{await error}";
        }
        catch (Exception unavailable) when (unavailable is OperationCanceledException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"No stacks: {unavailable.Message}";
        }
    }

    private sealed class StartStalledException(string message) : TimeoutException(message);

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

    /// <summary>The server's own SQLite database, for tests to arrange what has no HTTP endpoint (e.g. a membership).</summary>
    public WebApp.Data.ApplicationDbContext OpenDatabase() => new WebApp.Data.Providers.SqliteDbContext(
        WebApp.Data.Providers.DesignTime.Options<WebApp.Data.Providers.SqliteDbContext>(
            o => Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions.UseSqlite(o, $"Data Source={Path.Combine(DataDirectory, "verbatim.db")}")));
    /// <summary>One value from the SQLite database in the data directory (the default provider), read as the app left it.</summary>
    public async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "verbatim.db")};Pooling=false");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    public async Task<bool> IsWebhookPendingAsync(string transcriptId) =>
        Convert.ToInt64(await ScalarAsync("SELECT WebhookPending FROM Transcripts WHERE upper(Id) = upper($id)", ("$id", transcriptId))) != 0;

    public HttpClient CreateClient(string? apiKey)
    {
        var client = new HttpClient(Handler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("authorization", apiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    private HttpMessageHandler Handler() => tls?.Trusting() ?? new HttpClientHandler();

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
            // "{port}" in a setting is this server's port, which is chosen when it is constructed.
            start.Environment[key] = value.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
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
}
