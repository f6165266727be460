using System.ComponentModel.DataAnnotations;

namespace WebApp.Uploads;

/// <summary>Settings under "Verbatim:Uploads".</summary>
public sealed class UploadOptions
{
    public const string Section = "Verbatim:Uploads";

    /// <summary>Largest accepted upload; larger ones get 413. Default 2 GB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
