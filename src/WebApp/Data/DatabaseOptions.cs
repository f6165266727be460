using System.ComponentModel.DataAnnotations;

namespace WebApp.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>Settings under "Verbatim:Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Verbatim:Database";

    [EnumDataType(typeof(DatabaseProvider))]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for Postgres and SqlServer; for Sqlite the default is verbatim.db in the data directory.</summary>
    public string? ConnectionString { get; set; }
}
