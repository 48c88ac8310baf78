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

/**
 * Keyboard shortcuts for the common moves (the footer lists them): "/" search (any field with
 * data-shortcut), j/k the next and previous ticket of the list, r reply, n internal note,
 * s status; Ctrl+Enter (⌘+Enter) sends the form being typed in. Keys are ignored while typing.
 */
function shortcuts() {
  const rows = () => [...document.querySelectorAll('[data-testid="ticket-row"] a[data-testid="ticket-subject"]')];
  const moveRow = (step) => {
    const links = rows();
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement);
    links[Math.min(Math.max(at + step, 0), links.length - 1)].focus();
  };
  const reply = (visibility) => {
    const radio = document.querySelector(`input[name=visibility][value=${visibility}]`);
    const body = document.querySelector('[data-testid="reply-body"]');
    if (!radio || !body) return;
    radio.checked = true;
    radio.dispatchEvent(new Event("change"));
    body.focus();
  };
  const moves = {
    j: () => moveRow(1),
    k: () => moveRow(-1),
    r: () => reply("public"),
    n: () => reply("internal"),
    s: () => document.querySelector("select[name=status]")?.focus(),
  };
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement && target.closest("input, textarea, select, [contenteditable]");
    if (typing) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        const form = target.closest("form");
        if (form) {
          event.preventDefault();
          form.requestSubmit();
        }
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const field = document.querySelector(`[data-shortcut="${CSS.escape(event.key)}"]`);
    if (field) {
      event.preventDefault();
      field.focus();
      return;
    }
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
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
