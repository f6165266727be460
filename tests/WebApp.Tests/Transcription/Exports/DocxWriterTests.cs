using System.IO.Compression;
using System.Xml.Linq;
using WebApp.Tests.Reader;
using WebApp.Transcription.Exports;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Transcription.Exports;

public sealed class DocxWriterTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    [Fact]
    public void Write_IsAWordPackage_WithOneParagraphPerTurn_NamingTheSpeakerAndTime()
    {
        var readable = ReadableTranscript.From("Weekly sync", ReaderDatabase.Conversation, SpeakerNames.Empty.With("A", "Dana"));

        using var zip = new ZipArchive(new MemoryStream(DocxWriter.Write(readable)), ZipArchiveMode.Read);

        Assert.Equal(["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var types = Load(zip, "[Content_Types].xml");
        Assert.Contains(types.Root!.Elements(), e => (string?)e.Attribute("PartName") == "/word/document.xml"
            && (string?)e.Attribute("ContentType") == "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
        var relationships = Load(zip, "_rels/.rels");
        Assert.Contains(relationships.Root!.Elements(), e => (string?)e.Attribute("Target") == "word/document.xml"
            && ((string?)e.Attribute("Type"))!.EndsWith("/officeDocument", StringComparison.Ordinal));

        var paragraphs = Load(zip, "word/document.xml").Descendants(W + "p")
            .Select(p => string.Join("|", p.Descendants(W + "t").Select(t => t.Value))).ToList();
        Assert.Equal(["Weekly sync", "Dana (0:00)|hello there", "Speaker B (0:01)|good morning", "Dana (0:02)|how are you"], paragraphs);
        Assert.Equal("Weekly sync", Load(zip, "docProps/core.xml").Descendants(XNamespace.Get("http://purl.org/dc/elements/1.1/") + "title").Single().Value);
    }

    [Fact]
    public void Write_LeavesOutWhatXmlCannotCarry_AndKeepsEmoji()
    {
        Word[] words = [new("bell\u0007", 0, 100, 1), new("🎉", 100, 200, 1), new("<&>", 200, 300, 1)];
        var readable = ReadableTranscript.From("Party \u0001", words, SpeakerNames.Empty);

        using var zip = new ZipArchive(new MemoryStream(DocxWriter.Write(readable)), ZipArchiveMode.Read);

        var texts = Load(zip, "word/document.xml").Descendants(W + "t").Select(t => t.Value).ToList();
        Assert.Equal(["Party ", "(0:00)", "bell 🎉 <&>"], texts);
    }

    private static XDocument Load(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }
}
