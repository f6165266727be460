// Drives AssemblyAI's official JavaScript SDK against Verbatim, changing nothing but the base URL.
// usage: node sdk-flow.mjs <baseUrl> <apiKey> <audioFile>
// Prints one JSON line: what the SDK returned, for the .NET test to check.
import { AssemblyAI } from "assemblyai";

const [baseUrl, apiKey, audioFile] = process.argv.slice(2);
const client = new AssemblyAI({ apiKey, baseUrl });

const uploadUrl = await client.files.upload(audioFile);
const transcript = await client.transcripts.transcribe(
  { audio: uploadUrl, speech_models: ["universal-3-pro", "universal-2"] },
  { pollingInterval: 500, pollingTimeout: 120000 },
);
const fetched = await client.transcripts.get(transcript.id);
const sentences = await client.transcripts.sentences(transcript.id);
const paragraphs = await client.transcripts.paragraphs(transcript.id);
const srt = await client.transcripts.subtitles(transcript.id, "srt");
const vtt = await client.transcripts.subtitles(transcript.id, "vtt", 20);
const firstWord = transcript.words[0].text.replace(/[^\p{L}\p{N}']/gu, "");
const search = await client.transcripts.wordSearch(transcript.id, [firstWord]);
const page = await client.transcripts.list({ limit: 5 });

let badKeyError = null;
try {
  await new AssemblyAI({ apiKey: "not-a-key", baseUrl }).transcripts.get(transcript.id);
} catch (error) {
  badKeyError = error.message;
}

const deleted = await client.transcripts.delete(transcript.id);
console.log(JSON.stringify({
  uploadUrl,
  status: transcript.status,
  error: transcript.error ?? null,
  text: transcript.text,
  words: transcript.words,
  audioDuration: transcript.audio_duration,
  speechModelUsed: transcript.speech_model_used,
  fetchedId: fetched.id,
  sentenceCount: sentences.sentences.length,
  sentenceWordCount: sentences.sentences.reduce((n, s) => n + s.words.length, 0),
  paragraphCount: paragraphs.paragraphs.length,
  srt,
  vtt,
  searchCount: search.matches[0].count,
  searchFirstIndex: search.matches[0].indexes[0],
  listedIds: page.transcripts.map((t) => t.id),
  badKeyError,
  deletedAudioUrl: deleted.audio_url,
}));
