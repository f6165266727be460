using System.Diagnostics;
using System.Text.Json;

namespace WebApp.Tests.Infrastructure;

/// <summary>Runs a script of tests/js, which use AssemblyAI's official JavaScript SDK, against a running server.</summary>
public static class JavaScriptSdk
{
    /// <param name="script">A file in tests/js, e.g. "sdk-flow.mjs".</param>
    /// <param name="arguments">Passed after the server's base URL and the API key.</param>
    /// <returns>The JSON object the script prints on its last line.</returns>
    public static Task<JsonElement> RunAsync(string script, VerbatimServer server, string apiKey, params string[] arguments) =>
        RunAsync(script, server.BaseAddress.ToString().TrimEnd('/'), server, apiKey, trust: null, arguments);

    /// <param name="trust">A certificate node should trust (NODE_EXTRA_CA_CERTS), for a server that serves TLS with it.</param>
    public static Task<JsonElement> RunAsync(string script, VerbatimServer server, string apiKey, TestCertificate? trust, params string[] arguments) =>
        RunAsync(script, server.BaseAddress.ToString().TrimEnd('/'), server, apiKey, trust, arguments);

    /// <param name="baseUrl">The SDK's baseUrl, e.g. with a region prefix (http://host/eu).</param>
    public static Task<JsonElement> RunAsync(string script, string baseUrl, VerbatimServer server, string apiKey, params string[] arguments) =>
        RunAsync(script, baseUrl, server, apiKey, trust: null, arguments);

    private static async Task<JsonElement> RunAsync(string script, string baseUrl, VerbatimServer server, string apiKey, TestCertificate? trust, string[] arguments)
    {
        var folder = Path.Combine(AppPaths.RepoRoot, "tests", "js");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "assemblyai")), "run ./test.sh, which installs the SDK with npm");

        var start = new ProcessStartInfo("node", [Path.Combine(folder, script), baseUrl, apiKey, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (trust is not null)
        {
            start.Environment["NODE_EXTRA_CA_CERTS"] = trust.CertificatePath;
        }

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}: {await stderr}\n{server.Log}");
        return JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]).RootElement;
    }
}
