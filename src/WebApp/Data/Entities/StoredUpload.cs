namespace WebApp.Data.Entities;

/// <summary>A file received by POST /v2/upload; its bytes live in the upload store under the data directory.</summary>
public class StoredUpload
{
    public Guid Id { get; set; }

    public Guid TeamId { get; set; }

    public string? UserId { get; set; }

    public long SizeBytes { get; set; }

    public string? FileName { get; set; }

    public DateTime CreatedAt { get; set; }
}
