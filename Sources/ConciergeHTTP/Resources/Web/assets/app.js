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

autosubmitFilters();
replyVisibility();
shortcuts();
