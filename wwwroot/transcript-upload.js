// The new-transcript page's files. Picked or dropped files stay here, in the browser; the page (Blazor) gets only
// their names and sizes. Uploading sends each file straight to POST /app/uploads with XMLHttpRequest, whose
// upload.onprogress drives the page's progress bar: the bytes never pass through the Blazor circuit.

const progressInterval = 200; // ms between progress reports to the page

// Wires a drop zone and its file input to the page (a DotNetObjectReference with AddFiles and UploadProgress).
// Returns the uploader the page keeps; detach() when the page goes away aborts any upload in flight.
export function attach(zone, input, page) {
  const files = new Map();
  const uploads = new Map();
  let nextId = 1;

  function add(list) {
    const added = [];
    for (const file of list ?? []) {
      const id = String(nextId++);
      files.set(id, file);
      added.push({ id, name: file.name, size: file.size, type: file.type });
    }
    if (added.length > 0) {
      page.invokeMethodAsync("AddFiles", added);
    }
  }

  const onChange = () => {
    add(input.files);
    input.value = ""; // picking the same file again fires change again
  };
  const onDragOver = event => {
    event.preventDefault();
    zone.classList.add("drop-zone--over");
  };
  const onDragLeave = () => zone.classList.remove("drop-zone--over");
  const onDrop = event => {
    event.preventDefault();
    zone.classList.remove("drop-zone--over");
    add(event.dataTransfer?.files);
  };

  input.addEventListener("change", onChange);
  zone.addEventListener("dragover", onDragOver);
  zone.addEventListener("dragleave", onDragLeave);
  zone.addEventListener("drop", onDrop);
  // Files picked while the page was still starting up (before this ran) are taken now.
  if (input.files?.length > 0) {
    onChange();
  }
  // Tests (and people's scripts) can wait for this before dropping files.
  zone.dataset.ready = "true";

  return {
    // Resolves with { status, body } once the server has answered; status 0 when the connection failed or was aborted.
    upload(id, url, headers) {
      const file = files.get(id);
      if (!file) {
        return Promise.resolve({ status: 0, body: "" });
      }

      return new Promise(resolve => {
        const request = new XMLHttpRequest();
        uploads.set(id, request);
        let lastReport = 0;
        request.upload.onprogress = event => {
          const now = performance.now();
          if (event.lengthComputable && (now - lastReport >= progressInterval || event.loaded === event.total)) {
            lastReport = now;
            page.invokeMethodAsync("UploadProgress", id, event.loaded, event.total);
          }
        };
        const finish = () => {
          uploads.delete(id);
          resolve({ status: request.status, body: request.responseText ?? "" });
        };
        request.onload = finish;
        request.onerror = finish;
        request.onabort = finish;
        request.open("POST", `${url}?name=${encodeURIComponent(file.name)}`);
        // Makes the cookie handler answer 401 rather than redirect to the sign-in page.
        request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
        for (const [name, value] of Object.entries(headers ?? {})) {
          request.setRequestHeader(name, value);
        }
        // A form content type would make the server look for the antiforgery token in the body.
        const formType = /^(multipart\/|application\/x-www-form-urlencoded)/i.test(file.type);
        request.setRequestHeader("Content-Type", file.type && !formType ? file.type : "application/octet-stream");
        request.send(file);
      });
    },

    forget(id) {
      uploads.get(id)?.abort();
      files.delete(id);
    },

    detach() {
      for (const request of uploads.values()) {
        request.abort();
      }
      uploads.clear();
      files.clear();
      input.removeEventListener("change", onChange);
      zone.removeEventListener("dragover", onDragOver);
      zone.removeEventListener("dragleave", onDragLeave);
      zone.removeEventListener("drop", onDrop);
      delete zone.dataset.ready;
    },
  };
}
