using Microsoft.EntityFrameworkCore;
using WebApp.Data;
using WebApp.Data.Entities;

namespace WebApp.Library;

/// <summary>
/// Full-text search over transcripts' titles and text, in each database's own way (see the LibrarySearch
/// migrations): on SQLite an FTS5 index keyed by the transcripts' rowids and kept in step by triggers; on PostgreSQL
/// a generated tsvector column with a GIN index; on SQL Server LIKE on title and text. No full-text catalog is
/// assumed there, so it scans: fine for thousands of transcripts, slow for hundreds of thousands.
/// </summary>
public static class TranscriptSearch
{
    /// <summary>The transcripts whose title or text has every word of <paramref name="terms"/>; compose filters on it.</summary>
    public static IQueryable<Transcript> TranscriptsMatching(this ApplicationDbContext db, SearchTerms terms)
    {
        if (db.Database.IsSqlite())
        {
            // SQLite flattens this into the outer query, so the rowid test runs on the library's covering indexes
            // (every index entry holds its row's rowid) and never reads a row.
            return db.Transcripts.FromSql($"""
                SELECT * FROM "Transcripts"
                WHERE rowid IN (SELECT rowid FROM "TranscriptSearch" WHERE "TranscriptSearch" MATCH {terms.ToFts5Query()})
                """);
        }

        if (db.Database.IsNpgsql())
        {
            return db.Transcripts.FromSql($"""
                SELECT * FROM "Transcripts" WHERE "SearchVector" @@ to_tsquery('simple', {terms.ToTsQuery()})
                """);
        }

        var transcripts = db.Transcripts.AsQueryable();
        foreach (var term in terms.Terms)
        {
            transcripts = transcripts.Where(t => (t.Title != null && t.Title.Contains(term)) || (t.Text != null && t.Text.Contains(term)));
        }

        return transcripts;
    }
}
