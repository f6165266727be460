// Drives the official SDK's streaming transcriber (client.streaming.transcriber) against Verbatim's /v3/ws over wss:.
// usage: node streaming-flow.mjs <baseUrl https://…> <apiKey> <mode> [wav] [extra]
// modes: token | apikey (stream the 16 kHz mono wav in real time), update (UpdateConfiguration before streaming),
//        force (ForceEndpoint after <extra> ms of audio), bad-token, expired-token, reused-token, too-many (<extra> sessions).
// Prints one JSON line for the .NET test to check.
import fs from "node:fs";
import { AssemblyAI } from "assemblyai";

const [baseUrl, apiKey, mode, wav, extra] = process.argv.slice(2);
const client = new AssemblyAI({ apiKey, baseUrl, streamingBaseUrl: baseUrl });
const websocketBaseUrl = baseUrl.replace(/^https:/, "wss:") + "/v3/ws";
const common = { websocketBaseUrl, sampleRate: 16000, speechModel: "universal-streaming-english", formatTurns: true, connectTimeout: 15000, maxConnectionRetries: 0 };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function refused(params) {
  const transcriber = client.streaming.transcriber({ ...common, ...params });
  try {
    await transcriber.connect();
    return { connected: true };
  } catch (error) {
    return { connected: false, code: error.code ?? null, message: error.message };
  }
}

async function stream(params, beforeAudio, atMs, waitForLastTurn = true) {
  const transcriber = client.streaming.transcriber({ ...common, ...params });
  const turns = [];
  const speechStarted = [];
  let closed = null;
  let sentMs = 0;
  const started = Date.now();
  transcriber.on("turn", (turn) => turns.push({ ...turn, received_ms: Date.now() - started, sent_ms: sentMs }));
  transcriber.on("speechStarted", (event) => speechStarted.push(event));
  transcriber.on("close", (code, reason) => { closed = { code, reason }; });
  transcriber.on("error", () => {});
  const begin = await transcriber.connect();
  // The SDK has no listener for Termination; the socket shows it.
  let termination = null;
  transcriber.socket.on("message", (data) => {
    const message = JSON.parse(data.toString());
    if (message.type === "Termination") termination = message;
  });
  await beforeAudio?.(transcriber);
  const file = fs.readFileSync(wav);
  const pcm = file.subarray(file.indexOf("data") + 8); // the samples follow the "data" chunk's id and size
  const chunk = 3200; // 100 ms
  for (let offset = 0; offset < pcm.length; offset += chunk) {
    // Real time: each 100 ms piece leaves when its audio would have been spoken.
    const due = started + sentMs;
    if (due > Date.now()) await sleep(due - Date.now());
    const piece = pcm.subarray(offset, Math.min(offset + chunk, pcm.length));
    if (piece.length < 1600) break; // AssemblyAI takes 50–1000 ms pieces
    transcriber.sendAudio(piece);
    sentMs += piece.length / 32;
    if (atMs && sentMs === Number(atMs)) transcriber.forceEndpoint();
  }
  // The audio ends in silence, so the last turn ends by itself; on a busy machine the decoder may still be behind.
  const waitUntil = Date.now() + 90000;
  while (!waitForLastTurn || !(turns.at(-1)?.end_of_turn && turns.at(-1)?.turn_is_formatted)) {
    if (Date.now() > waitUntil || !waitForLastTurn) break;
    await sleep(200);
  }
  await transcriber.close(true, 90000);
  return { begin, turns, speechStarted, closed, termination, audioSentMs: sentMs };
}

let result;
switch (mode) {
  case "token": {
    const token = await client.streaming.createTemporaryToken({ expires_in_seconds: 60 });
    result = await stream({ token, apiKey: undefined });
    break;
  }
  case "apikey":
    result = await stream({ apiKey });
    break;
  case "update":
    // The pauses no longer end a turn, so the last one ends with Terminate.
    result = await stream({ apiKey }, (t) => t.updateConfiguration({ min_turn_silence: 3000, max_turn_silence: 3000 }), undefined, false);
    break;
  case "force":
    result = await stream({ apiKey }, undefined, extra);
    break;
  case "bad-token":
    result = await refused({ token: "not-a-token", apiKey: undefined });
    break;
  case "expired-token": {
    const token = await client.streaming.createTemporaryToken({ expires_in_seconds: 1 });
    await sleep(2500);
    result = await refused({ token, apiKey: undefined });
    break;
  }
  case "reused-token": {
    const token = await client.streaming.createTemporaryToken({ expires_in_seconds: 60 });
    const first = client.streaming.transcriber({ ...common, token, apiKey: undefined });
    await first.connect();
    result = await refused({ token, apiKey: undefined });
    await first.close(false);
    break;
  }
  case "too-many": {
    const open = [];
    for (let i = 0; i < Number(extra); i++) {
      const t = client.streaming.transcriber({ ...common, apiKey });
      await t.connect();
      open.push(t);
    }
    result = await refused({ apiKey });
    for (const t of open) await t.close(false);
    break;
  }
  default:
    throw new Error(`unknown mode ${mode}`);
}
console.log(JSON.stringify(result));
