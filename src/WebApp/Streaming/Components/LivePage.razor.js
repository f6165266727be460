// The Live page in the browser: the microphone through an AudioWorklet (live-capture-worklet.js) to 16 kHz PCM, sent
// over /v3/ws with a temporary token the server minted; every server message goes back to the page's .NET side.

let live = null;

/** The microphones, after asking for permission once (labels stay empty until it is given). */
export async function listMicrophones() {
  const probe = await navigator.mediaDevices.getUserMedia({ audio: true });
  probe.getTracks().forEach((track) => track.stop());
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices.filter((d) => d.kind === "audioinput").map((d, i) => ({ id: d.deviceId, label: d.label || `Microphone ${i + 1}` }));
}

export async function start(page, deviceId, url) {
  await stop();
  const stream = await navigator.mediaDevices.getUserMedia({ audio: deviceId ? { deviceId: { exact: deviceId } } : true });
  const context = new AudioContext();
  await context.audioWorklet.addModule("live-capture-worklet.js");
  const source = context.createMediaStreamSource(stream);
  const capture = new AudioWorkletNode(context, "live-capture");
  const socket = new WebSocket(url);
  socket.binaryType = "arraybuffer";
  const closed = new Promise((resolve) => socket.addEventListener("close", (e) => resolve(e.code)));
  live = { stream, context, source, capture, socket, closed, paused: false };

  socket.addEventListener("message", (e) => page.invokeMethodAsync("OnMessage", e.data));
  socket.addEventListener("close", (e) => page.invokeMethodAsync("OnClosed", e.code, e.reason));
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", () => reject(new Error("The live connection could not be opened.")), { once: true });
  });
  capture.port.onmessage = (e) => {
    if (!live.paused && socket.readyState === WebSocket.OPEN) socket.send(e.data);
  };
  source.connect(capture);
}

/** While paused nothing is sent, so the transcript and the kept recording skip the pause. */
export function pause(paused) {
  if (live) live.paused = paused;
}

/** Ends the session: Terminate, then wait for the server to finish the last turn and close. */
export async function stop() {
  if (!live) return;
  const current = live;
  live = null;
  current.source.disconnect();
  current.stream.getTracks().forEach((track) => track.stop());
  await current.context.close();
  if (current.socket.readyState === WebSocket.OPEN) {
    current.socket.send(JSON.stringify({ type: "Terminate" }));
    await Promise.race([current.closed, new Promise((resolve) => setTimeout(resolve, 30000))]);
  }
}
