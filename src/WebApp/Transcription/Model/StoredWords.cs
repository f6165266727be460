using System.Buffers;
using System.Text;
using System.Text.Json;
using WebApp.Data.Entities;

namespace WebApp.Transcription.Model;

/// <summary>
/// How a transcript's words are kept in <see cref="Transcript.WordsJson"/>: our own compact JSON, one array per word,
/// <c>{"v":1,"words":[["Hello,",120,480,0.93,"A",null], …]}</c> (text, start ms, end ms, confidence, speaker, channel).
/// About half the size of AssemblyAI's word objects and read without building a property map per word; an hour of
/// speech is ~10,000 words.
/// </summary>
public static class StoredWords
{
    public const int Version = 1;

    private static readonly byte[] WordsProperty = "words"u8.ToArray();

    public static string Write(IReadOnlyList<Word> words)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + words.Count * 40);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteStartArray("words");
            foreach (var word in words)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(word.Text);
                writer.WriteNumberValue(word.Start);
                writer.WriteNumberValue(word.End);
                writer.WriteNumberValue(word.Confidence);
                WriteNullable(writer, word.Speaker);
                WriteNullable(writer, word.Channel);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The words of a stored transcript; empty when it has none (queued, failed or deleted).</summary>
    public static IReadOnlyList<Word> Read(Transcript transcript) => transcript.WordsJson is null ? [] : Read(transcript.WordsJson);

    public static IReadOnlyList<Word> Read(string json)
    {
        var words = new List<Word>();
        ForEach(json, (ref Utf8JsonReader reader) =>
        {
            words.Add(ReadWord(ref reader));
            return true;
        });
        return words;
    }

    public delegate bool WordVisitor(ref Utf8JsonReader reader);

    /// <summary>
    /// Calls <paramref name="visit"/> with the reader on each word's opening bracket, in order, until it returns false.
    /// The visitor may read the word (<see cref="ReadWord"/>) or leave it; either way the next call is on the next word.
    /// </summary>
    /// <returns>True when every word was visited.</returns>
    /// <exception cref="InvalidDataException">The JSON is not in this format (e.g. a row not yet upgraded).</exception>
    public static bool ForEach(string json, WordVisitor visit)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException($"Stored words are not in format version {Version}.");
        }

        var version = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("v"u8))
            {
                reader.Read();
                version = reader.GetInt32();
            }
            else if (reader.ValueTextEquals(WordsProperty) && version == Version)
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                {
                    var depth = reader.CurrentDepth;
                    var more = visit(ref reader);
                    while (reader.CurrentDepth > depth || reader.TokenType != JsonTokenType.EndArray)
                    {
                        reader.Read();
                    }

                    if (!more)
                    {
                        return !reader.Read() || reader.TokenType == JsonTokenType.EndArray;
                    }
                }

                return true;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        throw new InvalidDataException($"Stored words are not in format version {Version}.");
    }

    /// <summary>Reads the word whose opening bracket the reader is on, leaving the reader on its closing bracket.</summary>
    public static Word ReadWord(ref Utf8JsonReader reader)
    {
        reader.Read();
        var text = reader.GetString() ?? "";
        reader.Read();
        var start = reader.GetInt32();
        reader.Read();
        var end = reader.GetInt32();
        reader.Read();
        var confidence = reader.GetDouble();
        reader.Read();
        var speaker = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
        reader.Read();
        var channel = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
        reader.Read();
        return new Word(text, start, end, confidence, speaker, channel);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
