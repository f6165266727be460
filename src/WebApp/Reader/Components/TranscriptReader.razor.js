// The reader's player, on the client: highlights the word being spoken, seeks when asked, and handles the keyboard
// shortcuts. The audio element reports its time several times a second; answering that in the browser keeps the
// highlight smooth and spares the server a round trip per update.

const currentClass = "is-current";
const skipSeconds = 5;
const readers = new WeakMap();

/**
 * Starts following `audio` (null when there is no player) in `transcript`, whose words are elements with a
 * data-s attribute (start in ms), in time order. With `startMs`, the player is moved there and the word shown.
 */
export function attach(transcript, audio, startMs) {
  detach(transcript);
  const reader = { transcript, audio, words: [], starts: [], current: null, cleanup: [] };
  readers.set(transcript, reader);
  scan(reader);

  if (audio) {
    const follow = () => highlightAt(reader, audio.currentTime * 1000, !audio.paused);
    listen(reader, audio, "timeupdate", follow);
    listen(reader, audio, "seeked", follow);
  }

  listen(reader, document, "keydown", event => onKey(reader, event));

  if (startMs != null) {
    seekTo(reader, startMs, false);
  }

  // For people nothing changes; end-to-end tests wait for this before they click.
  transcript.dataset.ready = "true";
}

/** Moves the player to `ms` and highlights the word there at once, without waiting for the player. */
export function seek(transcript, ms, play) {
  const reader = readers.get(transcript);
  if (reader) {
    seekTo(reader, ms, play);
  }
}

/** Reads the words again after the page re-rendered them (a correction, a rename). */
export function refresh(transcript) {
  const reader = readers.get(transcript);
  if (reader) {
    const index = reader.current ? Number(reader.current.dataset.i) : null;
    scan(reader);
    if (index != null) {
      mark(reader, reader.words[index] ?? null);
    }
  }
}

export function detach(transcript) {
  const reader = readers.get(transcript);
  if (reader) {
    reader.cleanup.forEach(remove => remove());
    readers.delete(transcript);
    delete transcript.dataset.ready;
  }
}

function scan(reader) {
  reader.words = Array.from(reader.transcript.querySelectorAll("[data-s]"));
  reader.starts = reader.words.map(word => Number(word.dataset.s));
  reader.current = reader.transcript.querySelector(`.${currentClass}`);
}

function seekTo(reader, ms, play) {
  const word = highlightAt(reader, ms, false);
  word?.scrollIntoView({ block: "center", behavior: "smooth" });
  if (reader.audio) {
    reader.audio.currentTime = ms / 1000;
    if (play) {
      reader.audio.play().catch(() => { /* Autoplay refused or no audio device: the position is still set. */ });
    }
  }
}

// The same rule as ReadableTranscript.WordIndexAt on the server: the last word to start by then.
function wordAt(reader, ms) {
  let low = 0, high = reader.starts.length - 1, found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (reader.starts[middle] <= ms) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }

  return found < 0 ? null : reader.words[found];
}

function highlightAt(reader, ms, scroll) {
  const word = wordAt(reader, ms);
  if (word !== reader.current) {
    mark(reader, word);
    if (scroll && word && !inView(word)) {
      word.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  return word;
}

function mark(reader, word) {
  reader.current?.classList.remove(currentClass);
  word?.classList.add(currentClass);
  reader.current = word;
}

function inView(element) {
  const box = element.getBoundingClientRect();
  // The app bar and the sticky player cover the top of the window.
  return box.top >= 160 && box.bottom <= window.innerHeight - 24;
}

function onKey(reader, event) {
  const audio = reader.audio;
  if (!audio || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || !reader.transcript.isConnected) {
    return;
  }

  // Typing, buttons, the player's own controls and open dialogs (correcting a word) keep their keys.
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest("input, textarea, select, button, a, audio, [contenteditable], [role='menuitem'], [role='option']")
    || document.querySelector(".mud-dialog-container, .mud-dialog")) {
    return;
  }

  if (event.key === " ") {
    event.preventDefault();
    if (audio.paused) {
      audio.play().catch(() => { });
    } else {
      audio.pause();
    }
  } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
    event.preventDefault();
    const step = event.key === "ArrowLeft" ? -skipSeconds : skipSeconds;
    const end = Number.isFinite(audio.duration) ? audio.duration : Infinity;
    audio.currentTime = Math.min(Math.max(0, audio.currentTime + step), end);
  }
}

function listen(reader, target, type, handler) {
  target.addEventListener(type, handler);
  reader.cleanup.push(() => target.removeEventListener(type, handler));
}
