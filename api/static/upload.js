// Drag and drop onto the upload form, sent with fetch; the job's progress and per-file report are polled.
// Without JavaScript the form posts normally and the job page refreshes itself.
(function () {
  const form = document.getElementById("upload");
  const zone = document.getElementById("dropzone");
  const input = document.getElementById("files");
  const progress = document.getElementById("progress");
  if (!form || !zone || !input || !window.fetch) return;

  function say(text) {
    progress.replaceChildren();
    const p = document.createElement("p");
    p.textContent = text;
    progress.appendChild(p);
  }

  ["dragenter", "dragover"].forEach((name) =>
    zone.addEventListener(name, (event) => { event.preventDefault(); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach((name) =>
    zone.addEventListener(name, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    input.files = event.dataTransfer.files;
    say(input.files.length + " fil(er) klar til indlæsning.");
  });

  async function poll(url) {
    const answer = await fetch(url, { headers: { Accept: "text/html" } });
    const page = new DOMParser().parseFromString(await answer.text(), "text/html");
    const job = page.getElementById("job");
    if (job) progress.replaceChildren(document.importNode(job, true));
    if (job && (job.dataset.state === "færdig" || job.dataset.state === "fejlet")) return;
    setTimeout(() => poll(url), 1000);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const key = data.get("api_key");
    data.delete("api_key");
    say("Sender …");
    const answer = await fetch("/upload", { method: "POST", body: data, headers: { "X-API-Key": key || "", Accept: "application/json" } });
    const body = await answer.json().catch(() => ({}));
    if (answer.status !== 202) {
      say("Fejl " + answer.status + ": " + (body.detail || "filerne blev ikke modtaget."));
      return;
    }
    poll(body.status);
  });
})();
