// The review queue: pick an incident, then accept / correct a field / merge / split / discount it with
// the reviewer's token (kept in sessionStorage only). Every change comes back in the audit log.
import {
  api, append, clear, el, eventDay, gradingBadge, placeLabel, range, statusBadge, token, typeDot,
} from "./api.js";

const tokenForm = document.getElementById("token-form");
const tokenInput = document.getElementById("token");
const tokenState = document.getElementById("token-state");
const queueBody = document.querySelector("#queue tbody");
const queueCount = document.getElementById("queue-count");
const panel = document.getElementById("review-panel");

const NUMERIC = new Set(["killed_low", "killed_best", "killed_high", "injured_low", "injured_best",
  "injured_high", "lat", "lon", "where_prec", "date_prec"]);
const FIELDS = ["event_type", "sub_event_type", "grading", "killed_low", "killed_best", "killed_high",
  "injured_low", "injured_best", "injured_high", "place_name", "lat", "lon", "where_prec", "time_start",
  "time_end", "date_prec"];

function showTokenState() {
  const value = token.get();
  tokenState.textContent = value ? `token in use (…${value.slice(-4)}), kept for this tab only` : "no token: edits will be refused";
}
tokenForm.addEventListener("submit", (event) => {
  event.preventDefault();
  token.set(tokenInput.value.trim());
  tokenInput.value = "";
  showTokenState();
});
showTokenState();

async function loadQueue() {
  try {
    const page = await api("/api/review/queue?limit=200");
    queueCount.textContent = `(${page.total} incidents, unreviewed first)`;
    clear(queueBody);
    for (const item of page.items) {
      const row = el("tr", { tabindex: "0", "data-id": item.id, class: "queue-row" },
        el("td", {}, eventDay(item.time_start, item.time_end, item.event_date)),
        el("td", {}, typeDot(item.event_type), item.sub_event_type || item.event_type || "—"),
        el("td", {}, placeLabel(item)),
        el("td", { class: "num" }, range(item.killed)),
        el("td", {}, gradingBadge(item.grading)),
        el("td", { class: "num" }, String(item.number_of_sources ?? "")),
        el("td", {}, statusBadge(item.review_status)));
      row.addEventListener("click", () => select(item.id));
      row.addEventListener("keydown", (e) => { if (e.key === "Enter") select(item.id); });
      queueBody.appendChild(row);
    }
    if (!page.items.length) queueBody.appendChild(el("tr", {}, el("td", { colspan: "7", class: "muted" }, "Nothing to review.")));
  } catch (err) {
    clear(queueBody).appendChild(el("tr", {}, el("td", { colspan: "7", class: "error" }, `Could not load the queue: ${err.message}`)));
  }
}

function actionForm(title, action, inputs, build) {
  const note = el("input", { type: "text", name: "note", placeholder: "note (why)" });
  const form = el("form", { class: `action action-${action}`, "data-action": action },
    el("h3", {}, title), inputs, note, el("button", { type: "submit" }, title));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = { action, ...(build ? build(form) : {}) };
    if (note.value.trim()) body.note = note.value.trim();
    submit(form.closest("[data-id]").dataset.id, body);
  });
  return form;
}

function auditTable(rows) {
  if (!rows || !rows.length) return el("p", { class: "muted" }, "No changes yet.");
  return el("table", { class: "log", id: "audit-log" },
    el("thead", {}, el("tr", {}, ["When", "Who", "Action", "Field", "Old", "New", "Note"].map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {},
      [String(r.at || "").replace("T", " ").slice(0, 19), r.actor, r.action, r.field, r.old, r.new, r.note]
        .map((v) => el("td", {}, v ?? ""))))));
}

function renderPanel(inc, message) {
  clear(panel);
  panel.dataset.id = inc.id;
  const fieldSelect = el("select", { name: "field" }, FIELDS.map((f) => el("option", { value: f }, f)));
  const valueInput = el("input", { type: "text", name: "value", placeholder: "new value", required: true });
  const reportBoxes = (inc.reports || []).map((r) => el("label", { class: "check" },
    el("input", { type: "checkbox", name: "report_keys", value: r.key }), `${r.key} — ${r.sub_event_type || r.event_type || "report"}`));
  append(panel, [
    el("h2", {}, typeDot(inc.event_type), inc.sub_event_type || inc.event_type || "Incident", " — ", placeLabel(inc)),
    el("p", { class: "muted" }, eventDay(inc.time_start, inc.time_end, inc.event_date), " · killed ", range(inc.killed), " · ",
      `${inc.number_of_sources ?? 0} source(s) · `, el("a", { href: `/incidents/${encodeURIComponent(inc.id)}` }, "open incident page")),
    el("p", {}, gradingBadge(inc.grading), " ", statusBadge(inc.review_status), " ", el("code", {}, inc.id)),
    message ? el("p", { class: `notice ${message.kind}`, role: "status", id: "review-message" }, message.text) : null,
    el("div", { class: "actions" },
      actionForm("Accept", "accept", []),
      actionForm("Discount", "discount", []),
      actionForm("Correct field", "correct", [fieldSelect, valueInput], () => {
        const raw = valueInput.value.trim();
        const value = NUMERIC.has(fieldSelect.value) ? Number(raw) : raw;
        return { fields: { [fieldSelect.value]: value } };
      }),
      actionForm("Merge into", "merge", [el("input", { type: "text", name: "into", placeholder: "target incident id", required: true })],
        (form) => ({ into: form.elements.into.value.trim() })),
      actionForm("Split off", "split", [el("div", { class: "checks" }, reportBoxes)],
        (form) => ({ report_keys: [...form.querySelectorAll("input[name=report_keys]:checked")].map((i) => i.value) }))),
    el("h3", {}, "Audit log"),
    auditTable(inc.review_log),
  ]);
}

async function select(id) {
  for (const row of queueBody.querySelectorAll("tr")) row.classList.toggle("selected", row.dataset.id === id);
  history.replaceState(null, "", `/review?id=${encodeURIComponent(id)}`);
  try {
    renderPanel(await api(`/api/incidents/${encodeURIComponent(id)}`));
  } catch (err) {
    clear(panel).appendChild(el("p", { class: "error" }, `Could not load incident ${id}: ${err.message}`));
  }
}

async function submit(id, body) {
  const value = token.get();
  if (!value) {
    panel.querySelector("#review-message")?.remove();
    panel.insertBefore(el("p", { class: "notice error", id: "review-message", role: "status" }, "Paste a reviewer token first."), panel.children[3] || null);
    return;
  }
  try {
    const updated = await api(`/api/incidents/${encodeURIComponent(id)}/review`, { method: "POST", body, token: value });
    renderPanel(updated, { kind: "ok", text: `Saved: ${body.action}.` });
    loadQueue();
  } catch (err) {
    let current = null;
    try { current = await api(`/api/incidents/${encodeURIComponent(id)}`); } catch { current = null; }
    const text = `Refused (${err.code}): ${err.message}`;
    if (current) renderPanel(current, { kind: "error", text });
    else clear(panel).appendChild(el("p", { class: "notice error", id: "review-message" }, text));
  }
}

loadQueue();
const wanted = new URLSearchParams(window.location.search).get("id");
if (wanted) select(wanted);
