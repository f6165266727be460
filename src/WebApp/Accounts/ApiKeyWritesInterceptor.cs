using WebApp.Data;

namespace WebApp.Accounts;

/// <summary>
/// Empties the <see cref="ApiKeyCache"/> (here and, through it, on a cluster's other nodes) after any write to a table
/// that decides what a key may do: API keys, team members, users (lockouts, deletions) and teams.
/// </summary>
public sealed class ApiKeyWritesInterceptor(ApiKeyCache cache) : TableWritesInterceptor
{
    private static readonly string[] KeyTables = ["ApiKeys", "TeamMembers", "Teams", "AspNetUsers"];

    protected override string[] Tables => KeyTables;

    public static bool ChangesKeys(string sql) => Writes(sql, KeyTables);

    protected override void Written() => cache.Invalidate();
}
