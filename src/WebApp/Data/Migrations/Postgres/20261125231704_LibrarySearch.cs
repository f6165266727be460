using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebApp.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LibrarySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_Library_Created",
                table: "Transcripts",
                columns: new[] { "TeamId", "DeletedAt", "CreatedAt", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_Library_Duration",
                table: "Transcripts",
                columns: new[] { "TeamId", "DeletedAt", "AudioDurationSeconds", "Id", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_Library_Title",
                table: "Transcripts",
                columns: new[] { "TeamId", "DeletedAt", "Title", "Id", "Status", "CreatedAt" });

            // Full-text search of titles and text for the library (Library/TranscriptSearch.cs), written by hand: a
            // generated tsvector column, kept up to date by PostgreSQL itself, with a GIN index. The 'simple'
            // configuration (lower case, no stemming) matches words the way SQLite's FTS5 index does, so search
            // behaves the same on both. EF's model does not know the column; only the search query uses it.
            migrationBuilder.Sql("""
                ALTER TABLE "Transcripts" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce("Title", '') || ' ' || coalesce("Text", ''))) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_Transcripts_SearchVector" ON "Transcripts" USING GIN ("SearchVector");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Transcripts_SearchVector";""");
            migrationBuilder.Sql("""ALTER TABLE "Transcripts" DROP COLUMN "SearchVector";""");

            migrationBuilder.DropIndex(
                name: "IX_Transcripts_Library_Created",
                table: "Transcripts");

            migrationBuilder.DropIndex(
                name: "IX_Transcripts_Library_Duration",
                table: "Transcripts");

            migrationBuilder.DropIndex(
                name: "IX_Transcripts_Library_Title",
                table: "Transcripts");
        }
    }
}
