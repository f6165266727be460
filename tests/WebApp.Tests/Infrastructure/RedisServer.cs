using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WebApp.Tests.Infrastructure;

/// <summary>A real redis-server (Debian's, installed by scripts/setup.sh --test) of the test's own, on a free port, in memory only.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory = Directory.CreateTempSubdirectory("verbatim-redis-").FullName;

    private RedisServer(int port)
    {
        Port = port;
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>The StackExchange.Redis configuration string of this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var server = new RedisServer(port);
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (!server.process.HasExited)
            {
            }
        }

        throw new InvalidOperationException("redis-server did not start (is it installed? scripts/setup.sh --test installs it).");
    }

    /// <summary>Kills the server, as an outage would; clients connected to it see their connection drop.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
