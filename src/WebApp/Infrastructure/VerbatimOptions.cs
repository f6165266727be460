using System.ComponentModel.DataAnnotations;

namespace WebApp.Infrastructure;

/// <summary>Top-level settings under "Verbatim".</summary>
public sealed class VerbatimOptions
{
    public const string Section = "Verbatim";

    /// <summary>Where the SQLite database, uploads and job scratch files live. Relative paths are taken from the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);

    /// <summary>This server's public address; see <see cref="Infrastructure.PublicUrl"/>.</summary>
    public string? PublicUrl { get; set; }
}
