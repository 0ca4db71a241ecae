/* The translation memory in wagtail-localize's translation editor.

When the translator opens a segment (Translate / Edit), the memory's matches of its source text
are listed under the text box, best first, each with its score ("87 %") and an Insert button
that puts the match's translation in the box: the translator reviews it and saves, as for any
text they type. The matches come from our JSON endpoint (translations.memory_views.memory_matches,
checked like the editor: the translation's translators and reviewers), one request per segment
opened, remembered for the page's life. The editor's own requests are not changed.
*/
document.addEventListener("DOMContentLoaded", () => {
  const editor = document.querySelector(".js-translation-editor");
  const configScript = document.getElementById("translation-memory-config");
  if (!editor || !configScript || !editor.dataset.props) return;
  const config = JSON.parse(configScript.textContent);
  const props = JSON.parse(editor.dataset.props);
  const labels = config.labels;
  const language = (props.locale && props.locale.code) || "";

  // The editor shows each string segment's source as text: find the segment by it.
  const segmentBySource = new Map();
  (props.segments || []).forEach((segment) => {
    if (segment.type === "string" && !segmentBySource.has(segment.source)) {
      segmentBySource.set(segment.source, segment.id);
    }
  });

  const cache = new Map();
  function matchesFor(segmentId) {
    if (!cache.has(segmentId)) {
      const url = `${config.url}?segment=${encodeURIComponent(segmentId)}`;
      cache.set(
        segmentId,
        fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(
          (response) => {
            if (!response.ok) throw new Error(String(response.status));
            return response.json();
          },
        ),
      );
    }
    return cache.get(segmentId);
  }

  function insert(textarea, text) {
    // A controlled React text box: set the value the way a person's typing does.
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value").set;
    setter.call(textarea, text);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    textarea.focus();
  }

  function render(panel, textarea, data) {
    panel.replaceChildren();
    const title = document.createElement("p");
    title.className = "translation-memory__title w-label-3";
    title.textContent = labels.title;
    panel.append(title);
    if (!data.matches.length) {
      const none = document.createElement("p");
      none.className = "help";
      none.textContent = labels.none;
      panel.append(none);
      return;
    }
    const list = document.createElement("ul");
    list.className = "translation-memory__matches";
    data.matches.forEach((match) => {
      const item = document.createElement("li");
      item.dataset.score = String(match.score);
      const score = document.createElement("strong");
      score.className = "translation-memory__score";
      score.textContent = `${match.score} %${match.exact ? ` · ${labels.exact}` : ""}`;
      const target = document.createElement("span");
      target.className = "translation-memory__target";
      target.lang = language;
      target.textContent = match.target;
      const source = document.createElement("small");
      source.className = "translation-memory__source";
      source.lang = (props.sourceLocale && props.sourceLocale.code) || "";
      source.textContent = match.source;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small button-secondary";
      button.dataset.memoryInsert = "";
      button.textContent = labels.insert;
      button.setAttribute("aria-label", labels.insertLabel.replace("{score}", match.score));
      button.addEventListener("click", (event) => {
        event.preventDefault();
        insert(textarea, match.target);
      });
      item.append(score, " ", target, " ", button, document.createElement("br"), source);
      list.append(item);
    });
    panel.append(list);
  }

  function addPanel(textarea) {
    const item = textarea.closest("li");
    if (!item || item.querySelector("[data-translation-memory]")) return;
    const sourceText = item.querySelector(":scope > p");
    const segmentId = sourceText && segmentBySource.get(sourceText.textContent);
    if (!segmentId) return;
    const panel = document.createElement("div");
    panel.className = "translation-memory help-block help-info";
    panel.dataset.translationMemory = String(segmentId);
    panel.setAttribute("role", "region");
    panel.setAttribute("aria-label", labels.title);
    textarea.parentElement.after(panel);
    matchesFor(segmentId)
      .then((data) => render(panel, textarea, data))
      .catch(() => {
        panel.textContent = labels.error;
      });
  }

  function update() {
    editor.querySelectorAll("[data-translation-memory]").forEach((panel) => {
      if (!panel.parentElement.querySelector("textarea")) panel.remove();
    });
    editor.querySelectorAll("textarea").forEach(addPanel);
  }

  new MutationObserver(update).observe(editor, { childList: true, subtree: true });
  update();
});
