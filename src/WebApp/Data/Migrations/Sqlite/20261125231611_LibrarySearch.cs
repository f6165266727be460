using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebApp.Data.Migrations.Sqlite
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

            // Full-text search of titles and text for the library (Library/TranscriptSearch.cs), written by hand:
            // an FTS5 index over Transcripts (external content: it keeps no second copy of the text), keyed by the
            // transcripts' rowids so that a search is checked on the library's covering indexes, which hold the rowid
            // of their rows. Triggers keep it in step with Transcripts.Title and Transcripts.Text.
            // A later migration that makes EF rebuild the Transcripts table (some ALTERs on SQLite) drops these
            // triggers and renumbers the rowids: it must create the triggers again and run the 'rebuild' below.
            // TranscriptSearchTests fails until it does.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "TranscriptSearch" USING fts5(
                    "Title", "Text",
                    content = 'Transcripts',
                    tokenize = 'unicode61 remove_diacritics 2',
                    prefix = '2 3'
                );
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Transcripts_SearchInsert" AFTER INSERT ON "Transcripts" BEGIN
                    INSERT INTO "TranscriptSearch" (rowid, "Title", "Text") VALUES (new.rowid, new."Title", new."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Transcripts_SearchUpdate" AFTER UPDATE OF "Title", "Text" ON "Transcripts" BEGIN
                    INSERT INTO "TranscriptSearch" ("TranscriptSearch", rowid, "Title", "Text") VALUES ('delete', old.rowid, old."Title", old."Text");
                    INSERT INTO "TranscriptSearch" (rowid, "Title", "Text") VALUES (new.rowid, new."Title", new."Text");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Transcripts_SearchDelete" AFTER DELETE ON "Transcripts" BEGIN
                    INSERT INTO "TranscriptSearch" ("TranscriptSearch", rowid, "Title", "Text") VALUES ('delete', old.rowid, old."Title", old."Text");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "TranscriptSearch" ("TranscriptSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Transcripts_SearchDelete";
                DROP TRIGGER "Transcripts_SearchUpdate";
                DROP TRIGGER "Transcripts_SearchInsert";
                DROP TABLE "TranscriptSearch";
                """);

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
