// The engines page's "add a model": sends the picked file straight to POST /app/models as the request body, so a
// model of gigabytes never passes through the Blazor circuit. Resolves with { status, body }.
export function upload(input, url, headers) {
  const file = input.files?.[0];
  if (!file) {
    return Promise.resolve({ status: 0, body: "" });
  }

  return new Promise(resolve => {
    const request = new XMLHttpRequest();
    const finish = () => resolve({ status: request.status, body: request.responseText ?? "" });
    request.onload = finish;
    request.onerror = finish;
    request.onabort = finish;
    request.open("POST", `${url}?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    for (const [name, value] of Object.entries(headers ?? {})) {
      request.setRequestHeader(name, value);
    }
    request.setRequestHeader("Content-Type", "application/octet-stream");
    request.send(file);
  });
}

export function clear(input) {
  input.value = "";
}
