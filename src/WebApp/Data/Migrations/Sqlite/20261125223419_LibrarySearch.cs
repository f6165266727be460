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
                columns: new[] { "TeamId", "DeletedAt", "CreatedAt", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_Library_Duration",
                table: "Transcripts",
                columns: new[] { "TeamId", "DeletedAt", "AudioDurationSeconds", "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Transcripts_Library_Title",
                table: "Transcripts",
                columns: new[] { "TeamId", "DeletedAt", "Title", "Status", "CreatedAt", "Id" });

            // Full-text search of titles and text for the library (Library/TranscriptSearch.cs), written by hand.
            // FTS5 keys its rows by integer, and Transcripts has a Guid key (its hidden rowid may change on VACUUM),
            // so TranscriptSearchKeys gives each transcript a stable integer. The index is contentless: it keeps no
            // second copy of the text. Triggers keep it in step with Transcripts.Title and Transcripts.Text.
            // A later migration that makes EF rebuild the Transcripts table (some ALTERs on SQLite) loses the
            // triggers and must create them again; TranscriptSearchTests fails until it does.
            migrationBuilder.Sql("""
                CREATE TABLE "TranscriptSearchKeys" (
                    "RowId" INTEGER PRIMARY KEY,
                    "TranscriptId" TEXT NOT NULL UNIQUE
                );
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "TranscriptSearch" USING fts5(
                    "Title", "Text",
                    content = '', contentless_delete = 1,
                    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
                );
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Transcripts_SearchInsert" AFTER INSERT ON "Transcripts" BEGIN
                    INSERT INTO "TranscriptSearchKeys" ("TranscriptId") VALUES (new."Id");
                    INSERT INTO "TranscriptSearch" (rowid, "Title", "Text")
                        SELECT "RowId", new."Title", new."Text" FROM "TranscriptSearchKeys" WHERE "TranscriptId" = new."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Transcripts_SearchUpdate" AFTER UPDATE OF "Title", "Text" ON "Transcripts" BEGIN
                    DELETE FROM "TranscriptSearch" WHERE rowid = (SELECT "RowId" FROM "TranscriptSearchKeys" WHERE "TranscriptId" = old."Id");
                    INSERT INTO "TranscriptSearch" (rowid, "Title", "Text")
                        SELECT "RowId", new."Title", new."Text" FROM "TranscriptSearchKeys" WHERE "TranscriptId" = new."Id";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Transcripts_SearchDelete" AFTER DELETE ON "Transcripts" BEGIN
                    DELETE FROM "TranscriptSearch" WHERE rowid = (SELECT "RowId" FROM "TranscriptSearchKeys" WHERE "TranscriptId" = old."Id");
                    DELETE FROM "TranscriptSearchKeys" WHERE "TranscriptId" = old."Id";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "TranscriptSearchKeys" ("TranscriptId") SELECT "Id" FROM "Transcripts";
                INSERT INTO "TranscriptSearch" (rowid, "Title", "Text")
                    SELECT k."RowId", t."Title", t."Text" FROM "Transcripts" t JOIN "TranscriptSearchKeys" k ON k."TranscriptId" = t."Id";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Transcripts_SearchDelete";
                DROP TRIGGER "Transcripts_SearchUpdate";
                DROP TRIGGER "Transcripts_SearchInsert";
                DROP TABLE "TranscriptSearch";
                DROP TABLE "TranscriptSearchKeys";
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
