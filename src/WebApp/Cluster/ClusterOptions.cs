namespace WebApp.Cluster;

/// <summary>What one process of a cluster does. The same build runs as any of them.</summary>
public enum NodeRole
{
    /// <summary>Serves the browser app and the API, and runs jobs: a single server.</summary>
    All,

    /// <summary>Serves the browser app and the API and queues jobs; never runs one.</summary>
    Web,

    /// <summary>Runs jobs from the shared job store; serves only /health.</summary>
    Worker,
}

/// <summary>
/// Settings under "Verbatim:Cluster": this process's role, and the Redis that carries live status between the
/// processes of a cluster (jobs run on workers, browsers are connected to web nodes).
/// </summary>
public sealed class ClusterOptions
{
    public const string Section = "Verbatim:Cluster";

    public NodeRole Role { get; set; } = NodeRole.All;

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379</c>; empty for a single server.</summary>
    public string? Redis { get; set; }

    public bool ServesWeb => Role != NodeRole.Worker;

    public bool RunsJobs => Role != NodeRole.Web;

    /// <summary>The settings as configured, for registration code that runs before the options system.</summary>
    public static ClusterOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ClusterOptions>() ?? new ClusterOptions();
}
