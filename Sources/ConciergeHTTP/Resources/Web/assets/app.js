// Concierge agent workspace: small progressive enhancements. Every page works without this
// file; no string lives here (labels come from data attributes the server renders from the
// catalogue).

/** Filter selects submit their form on change. */
function autosubmitFilters() {
  for (const form of document.querySelectorAll("form[data-autosubmit]")) {
    for (const select of form.querySelectorAll("select")) {
      select.addEventListener("change", () => form.requestSubmit());
    }
  }
}

/** The reply form shows whether it will send a public reply or an internal note. */
function replyVisibility() {
  for (const form of document.querySelectorAll("form[data-reply-form]")) {
    const body = form.querySelector("textarea[name=body]");
    const submit = form.querySelector("button[type=submit]");
    const update = () => {
      const chosen = form.querySelector("input[name=visibility]:checked");
      if (!chosen) return;
      body.classList.toggle("is-internal", chosen.value === "internal");
      submit.textContent = chosen.dataset.submitLabel;
    };
    for (const radio of form.querySelectorAll("input[name=visibility]")) {
      radio.addEventListener("change", update);
    }
    update();
  }
}

/** A key named by data-shortcut (e.g. "/") focuses its field, unless the agent is typing. */
function shortcuts() {
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const field = document.querySelector(`[data-shortcut="${CSS.escape(event.key)}"]`);
    if (field) {
      event.preventDefault();
      field.focus();
    }
  });
}

/**
 * An open ticket page follows its ticket: when it changes (someone else replies, a rule or the
 * SLA clock acts), the header, conversation and history are refreshed in place from the page
 * itself. The properties form keeps what the agent may be editing and the version it read, so
 * saving stale values still shows the conflict; a notice says the ticket changed.
 */
function liveTicket() {
  const page = document.querySelector("[data-live-url]");
  if (!page || !window.EventSource) return;
  let shown = Number(page.dataset.version);
  const source = new EventSource(`${page.dataset.liveUrl}?version=${shown}`);
  source.addEventListener("ticket", async (event) => {
    const version = JSON.parse(event.data).version;
    if (!(version > shown)) return;
    shown = version;
    const response = await fetch(window.location.pathname, { credentials: "same-origin" });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    for (const region of document.querySelectorAll("[data-live-region]")) {
      const name = region.dataset.liveRegion;
      const replacement = fresh.querySelector(`[data-live-region="${CSS.escape(name)}"]`);
      if (replacement) region.replaceWith(document.importNode(replacement, true));
    }
    const notice = document.querySelector("[data-live-notice]");
    if (notice) notice.hidden = false;
  });
}

/** The views' counts are asked for once the list is shown, and every minute after. */
function viewCounts() {
  const list = document.querySelector("[data-counts-url]");
  if (!list) return;
  const refresh = async () => {
    const response = await fetch(list.dataset.countsUrl, { credentials: "same-origin" });
    if (!response.ok) return;
    const { counts } = await response.json();
    for (const element of list.querySelectorAll("[data-count-for]")) {
      element.textContent = counts[element.dataset.countFor] ?? "";
    }
  };
  refresh();
  setInterval(refresh, 60000);
}

/** The requester's customer 360 is loaded beside the ticket once the page is shown. */
async function customerPanel() {
  const panel = document.querySelector("[data-panel-url]");
  if (!panel) return;
  const response = await fetch(panel.dataset.panelUrl, { credentials: "same-origin" });
  if (!response.ok) return;
  // The server renders the fragment with every text escaped, like the pages themselves.
  panel.innerHTML = await response.text();
}

autosubmitFilters();
viewCounts();
customerPanel();
replyVisibility();
shortcuts();
liveTicket();
