using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Library;

/// <summary>
/// The browser's list of a team's transcripts. Filtering, search, counting, sorting and paging happen in the
/// database, on indexes that hold every column they need (see TranscriptConfiguration); only the page's rows are
/// read in full.
/// </summary>
public sealed class TranscriptLibrary(ApplicationDbContext db)
{
    public async Task<LibraryPage> ListAsync(LibraryQuery query, CancellationToken cancellationToken = default)
    {
        var terms = SearchTerms.Parse(query.Search);
        var transcripts = (terms.IsEmpty ? db.Transcripts : db.TranscriptsMatching(terms))
            .AsNoTracking()
            .Where(t => t.TeamId == query.TeamId && t.DeletedAt == null);
        if (query.Status is { } status)
        {
            transcripts = transcripts.Where(t => t.Status == status);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            transcripts = transcripts.Where(t => t.CreatedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            transcripts = transcripts.Where(t => t.CreatedAt < end);
        }

        var total = await transcripts.CountAsync(cancellationToken);

        // Two steps: the page's ids come from the indexes alone, then only those rows are read. In one query a sort
        // or a large OFFSET could make the database read (and on SQLite, walk past) the big columns of every row.
        var ids = await Sort(transcripts, query.Sort, query.Descending)
            .Skip(query.Page * query.PageSize)
            .Take(query.PageSize)
            .Select(t => t.Id)
            .ToListAsync(cancellationToken);
        var searching = !terms.IsEmpty;
        var found = await db.Transcripts.AsNoTracking()
            .Where(t => ids.Contains(t.Id))
            .Select(t => new
            {
                t.Id,
                t.Title,
                t.Status,
                t.Progress,
                t.AudioDurationSeconds,
                t.LanguageCode,
                t.CreatedAt,
                t.Error,
                t.SpeakerCount,
                t.Region,
                // The words are read only for a search: its snippet and the moment to jump to.
                WordsJson = searching ? t.WordsJson : null,
            })
            .ToDictionaryAsync(t => t.Id, cancellationToken);

        var rows = ids.Where(found.ContainsKey).Select(id => found[id]).Select(t => new LibraryRow(
            t.Id,
            t.Title,
            t.Status,
            t.Progress,
            t.AudioDurationSeconds,
            t.SpeakerCount,
            t.LanguageCode,
            t.CreatedAt,
            t.Error,
            searching ? SearchHighlighter.Highlight(terms, t.Title, t.WordsJson) : null,
            t.Region)).ToList();
        return new LibraryPage(rows, total);
    }

    // The id breaks ties, in the same direction, so that paging is stable and each order is exactly an index's.
    private static IQueryable<Transcript> Sort(IQueryable<Transcript> transcripts, LibrarySort sort, bool descending) => (sort, descending) switch
    {
        (LibrarySort.Title, false) => transcripts.OrderBy(t => t.Title).ThenBy(t => t.Id),
        (LibrarySort.Title, true) => transcripts.OrderByDescending(t => t.Title).ThenByDescending(t => t.Id),
        (LibrarySort.Duration, false) => transcripts.OrderBy(t => t.AudioDurationSeconds).ThenBy(t => t.Id),
        (LibrarySort.Duration, true) => transcripts.OrderByDescending(t => t.AudioDurationSeconds).ThenByDescending(t => t.Id),
        (_, false) => transcripts.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        _ => transcripts.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
    };
}
