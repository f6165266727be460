using System.IO.Compression;
using System.Text;
using System.Xml;

namespace WebApp.Transcription.Exports;

/// <summary>
/// A transcript as a Word document (Office Open XML), written directly as the zip of XML parts the format is, so
/// no document library is needed: a title, then one paragraph per turn with the speaker's name and start time.
/// </summary>
public static class DocxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static byte[] Write(ReadableTranscript transcript)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddPart(zip, "[Content_Types].xml", ContentTypes);
            AddPart(zip, "_rels/.rels", PackageRelationships);
            AddPart(zip, "docProps/core.xml", xml => CoreProperties(xml, transcript.Title));
            AddPart(zip, "word/document.xml", xml => Document(xml, transcript));
        }

        return buffer.ToArray();
    }

    private static void Document(XmlWriter xml, ReadableTranscript transcript)
    {
        xml.WriteStartElement("w", "document", WordNamespace);
        xml.WriteStartElement("w", "body", WordNamespace);

        Paragraph(xml, spacingAfter: 240, () => Run(xml, transcript.Title, bold: true, halfPoints: 36));
        foreach (var block in transcript.Blocks)
        {
            Paragraph(xml, spacingAfter: 200, () =>
            {
                Run(xml, PlainTextWriter.Heading(block), bold: true, halfPoints: null, color: "5B6472");
                xml.WriteStartElement("w", "r", WordNamespace);
                xml.WriteElementString("w", "br", WordNamespace, null);
                xml.WriteEndElement();
                Run(xml, block.Text, bold: false, halfPoints: null);
            });
        }

        // An A4 page with 2.5 cm margins (sizes in twentieths of a point).
        xml.WriteStartElement("w", "sectPr", WordNamespace);
        xml.WriteStartElement("w", "pgSz", WordNamespace);
        xml.WriteAttributeString("w", "w", WordNamespace, "11906");
        xml.WriteAttributeString("w", "h", WordNamespace, "16838");
        xml.WriteEndElement();
        xml.WriteStartElement("w", "pgMar", WordNamespace);
        foreach (var side in new[] { "top", "right", "bottom", "left" })
        {
            xml.WriteAttributeString("w", side, WordNamespace, "1418");
        }

        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Paragraph(XmlWriter xml, int spacingAfter, Action content)
    {
        xml.WriteStartElement("w", "p", WordNamespace);
        xml.WriteStartElement("w", "pPr", WordNamespace);
        xml.WriteStartElement("w", "spacing", WordNamespace);
        xml.WriteAttributeString("w", "after", WordNamespace, spacingAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
        content();
        xml.WriteEndElement();
    }

    private static void Run(XmlWriter xml, string text, bool bold, int? halfPoints, string? color = null)
    {
        xml.WriteStartElement("w", "r", WordNamespace);
        if (bold || halfPoints is not null || color is not null)
        {
            xml.WriteStartElement("w", "rPr", WordNamespace);
            if (bold)
            {
                xml.WriteElementString("w", "b", WordNamespace, null);
            }

            if (color is not null)
            {
                xml.WriteStartElement("w", "color", WordNamespace);
                xml.WriteAttributeString("w", "val", WordNamespace, color);
                xml.WriteEndElement();
            }

            if (halfPoints is { } size)
            {
                xml.WriteStartElement("w", "sz", WordNamespace);
                xml.WriteAttributeString("w", "val", WordNamespace, size.ToString(System.Globalization.CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteStartElement("w", "t", WordNamespace);
        // Without this, Word drops leading and trailing spaces of the run.
        xml.WriteAttributeString("xml", "space", null, "preserve");
        xml.WriteString(XmlSafe(text));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void ContentTypes(XmlWriter xml)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        xml.WriteStartElement("Types", ns);
        Default("rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default("xml", "application/xml");
        Override("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
        Override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        xml.WriteEndElement();

        void Default(string extension, string type)
        {
            xml.WriteStartElement("Default", ns);
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        void Override(string part, string type)
        {
            xml.WriteStartElement("Override", ns);
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    private static void PackageRelationships(XmlWriter xml)
    {
        const string ns = "http://schemas.openxmlformats.org/package/2006/relationships";
        xml.WriteStartElement("Relationships", ns);
        Relationship("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml");
        Relationship("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml");
        xml.WriteEndElement();

        void Relationship(string id, string type, string target)
        {
            xml.WriteStartElement("Relationship", ns);
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
    }

    private static void CoreProperties(XmlWriter xml, string title)
    {
        xml.WriteStartElement("cp", "coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
        xml.WriteElementString("dc", "title", "http://purl.org/dc/elements/1.1/", XmlSafe(title));
        xml.WriteEndElement();
    }

    private static void AddPart(ZipArchive zip, string name, Action<XmlWriter> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    // XML 1.0 cannot carry most control characters at all, escaped or not; characters outside the BMP (emoji) are
    // fine as whole surrogate pairs.
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
        }

        return safe.ToString();
    }
}
