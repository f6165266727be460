using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebApp.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LibrarySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // No full-text index here: SQL Server's full-text catalogs are an optional feature (absent from Express
            // and many containers), so the library's search falls back to LIKE (Library/TranscriptSearch.cs).
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
