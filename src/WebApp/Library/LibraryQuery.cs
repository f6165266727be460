using WebApp.Data.Entities;

namespace WebApp.Library;

public enum LibrarySort
{
    Created,
    Title,
    Duration,
}

/// <summary>One page of a team's library: filters, search, sort and paging, all applied by the database.</summary>
public sealed record LibraryQuery(Guid TeamId)
{
    public const int DefaultPageSize = 25;

    public string? Search { get; init; }

    public TranscriptStatus? Status { get; init; }

    /// <summary>First day (UTC) to include.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last day (UTC) to include.</summary>
    public DateOnly? To { get; init; }

    public LibrarySort Sort { get; init; } = LibrarySort.Created;

    public bool Descending { get; init; } = true;

    /// <summary>Zero-based.</summary>
    public int Page { get; init; }

    public int PageSize { get; init; } = DefaultPageSize;

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Search) || Status is not null || From is not null || To is not null;
}

/// <param name="Speakers">Distinct speaker labels in the words; null when the transcript has none.</param>
/// <param name="Hit">Why the row matched the search; null when not searching.</param>
public sealed record LibraryRow(
    Guid Id,
    string? Title,
    TranscriptStatus Status,
    int Progress,
    double? AudioDurationSeconds,
    int? Speakers,
    string? LanguageCode,
    DateTime CreatedAt,
    string? Error,
    SearchHit? Hit,
    string Region = "local");

public sealed record LibraryPage(IReadOnlyList<LibraryRow> Rows, int TotalCount);
