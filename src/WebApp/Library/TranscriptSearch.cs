using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Library;

/// <summary>
/// Full-text search over transcripts' titles and text, in each database's own way:
/// SQLite, an FTS5 index kept in sync by triggers (migration LibrarySearch); PostgreSQL, a generated tsvector
/// column with a GIN index (same migration); SQL Server, LIKE on title and text — no full-text catalog is assumed,
/// so it scans, which is fine for thousands of transcripts and slow for hundreds of thousands.
/// </summary>
public static class TranscriptSearch
{
    public static IQueryable<Transcript> Matching(this IQueryable<Transcript> transcripts, ApplicationDbContext db, SearchTerms terms)
    {
        if (db.Database.IsSqlite())
        {
            var ids = db.Database.SqlQuery<Guid>($"""
                SELECT k."TranscriptId" AS "Value"
                FROM "TranscriptSearch" s JOIN "TranscriptSearchKeys" k ON k."RowId" = s.rowid
                WHERE "TranscriptSearch" MATCH {terms.ToFts5Query()}
                """);
            return transcripts.Where(t => ids.Contains(t.Id));
        }

        if (db.Database.IsNpgsql())
        {
            var ids = db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "Transcripts" WHERE "SearchVector" @@ to_tsquery('simple', {terms.ToTsQuery()})
                """);
            return transcripts.Where(t => ids.Contains(t.Id));
        }

        foreach (var term in terms.Terms)
        {
            transcripts = transcripts.Where(t => (t.Title != null && t.Title.Contains(term)) || (t.Text != null && t.Text.Contains(term)));
        }

        return transcripts;
    }
}
