// The incident page: consensus fields, the verification grade with its reasons, every party's claims
// side by side, and each source document with its evidence spans highlighted. Article text is put in the
// page only as text nodes (highlights are <mark> elements around text nodes), never as HTML.
import {
  api, append, clear, day, el, gradingBadge, placeLabel, range, safeHref, statusBadge, timeRange, typeDot,
  wherePrec,
} from "./api.js";

const root = document.getElementById("incident");
const incidentId = document.body.dataset.incidentId;

// Which highlight wins where spans overlap: the most specific role.
const ROLE_RANK = {
  "claim.source": 9, "claim.cue": 9, "claim.content": 8, killed: 7, injured: 7, place: 6, time: 6,
  weapon: 5, actor: 5, sentence: 1,
};
const ROLE_NAME = {
  "claim.source": "claimant", "claim.cue": "reporting verb", "claim.content": "claim", killed: "killed",
  injured: "injured", place: "place", time: "time", weapon: "weapon", actor: "actor", sentence: "event sentence",
};
const rankOf = (role) => ROLE_RANK[role] ?? 2;
const roleClass = (role) => `ev-${String(role).replace(/[^a-z]+/gi, "-")}`;

// highlight(text, spans) -> DocumentFragment of text nodes and <mark>s, one per run of equal coverage.
export function highlight(text, spans) {
  const clean = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(text.length, s.start)), end: Math.max(0, Math.min(text.length, s.end)) }))
    .filter((s) => s.end > s.start);
  const cuts = [...new Set([0, text.length, ...clean.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < cuts.length - 1; i += 1) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = document.createTextNode(text.slice(a, b));
    const covering = clean.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      fragment.appendChild(piece);
      continue;
    }
    covering.sort((x, y) => rankOf(y.role) - rankOf(x.role));
    const roles = [...new Set(covering.map((s) => ROLE_NAME[s.role] || s.role))];
    const top = covering[0];
    const mark = el("mark", {
      class: `ev ${roleClass(top.role)}`, title: roles.join(", "), "data-role": top.role,
      "data-span": covering.map((c) => `${c.start}-${c.end}`).join(" "),
    });
    mark.appendChild(piece);
    fragment.appendChild(mark);
  }
  return fragment;
}

function field(label, ...value) {
  return [el("dt", {}, label), el("dd", {}, ...value)];
}

function consensus(inc) {
  const place = inc.place;
  return el("section", { class: "card consensus", "aria-label": "Consensus fields" },
    el("h2", {}, "Consensus"),
    el("dl", { class: "fields" },
      field("Event type", typeDot(inc.event_type), inc.event_type || "—"),
      field("Sub-event type", inc.sub_event_type || "—"),
      field("Place", placeLabel(inc), place && place.where_prec ? el("span", { class: "muted" }, ` · precision: ${wherePrec(place.where_prec)}`) : null),
      field("Coordinates", inc.lat != null ? `${Number(inc.lat).toFixed(4)}, ${Number(inc.lon).toFixed(4)}` : "—"),
      field("Time", timeRange(inc.time_start, inc.time_end, inc.date_prec, inc.event_date)),
      field("Killed", el("strong", {}, range(inc.killed)), el("span", { class: "muted" }, " low / best / high")),
      field("Injured", range(inc.injured)),
      field("Weapons", (inc.weapons || []).join(", ") || "—"),
      field("Actors", (inc.actors || []).join(", ") || "—"),
      field("Sources", String(inc.number_of_sources ?? (inc.documents || []).length)),
      inc.merged_from && inc.merged_from.length ? field("Merged from", inc.merged_from.join(", ")) : null));
}

function grading(inc) {
  const reasons = inc.grading_reasons || [];
  return el("section", { class: `card verify verify-${(inc.grading || "none").toLowerCase()}`, "aria-label": "Verification" },
    el("h2", {}, "Verification"),
    el("div", { class: "grade" }, gradingBadge(inc.grading), " ", statusBadge(inc.review_status)),
    reasons.length ? el("ul", { class: "reasons" }, reasons.map((r) => el("li", {}, r))) : el("p", { class: "muted" }, "No reasons recorded."),
    el("p", { class: "muted small" }, "Airwars scale: Confirmed · Fair · Weak · Contested · Discounted (reviewer only)."));
}

// Scroll the source text to a claim's span and flash it, so a reader checks the claim in context.
function showSpan(documentId, span) {
  const card = document.getElementById(`doc-${documentId}`);
  if (!card) return;
  const marks = [...card.querySelectorAll("mark[data-span]")].filter((m) =>
    m.dataset.span.split(" ").includes(`${span.start}-${span.end}`));
  if (!marks.length) return;
  marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
  for (const m of marks) {
    m.classList.remove("flash");
    void m.offsetWidth;  // restart the animation
    m.classList.add("flash");
  }
}

function claimCard(claim, report, docTitle) {
  // docTitle is null when the incident has one document: no need to say which.
  const quote = (claim.evidence || []).find((e) => e.role === "claim.content") || (claim.evidence || [])[0];
  const killed = claim.killed_low != null || claim.killed_high != null
    ? range({ low: claim.killed_low, high: claim.killed_high }) : null;
  return el("article", { class: "claim" },
    el("div", { class: "claim-head" },
      el("span", { class: `badge stance stance-${claim.stance}` }, String(claim.stance || "other").replace("_", " ")),
      claim.modality && claim.modality !== "asserted" ? el("span", { class: "badge modality" }, claim.modality) : null),
    claim.perpetrator || claim.target ? el("div", { class: "claim-roles" },
      claim.perpetrator ? ["perpetrator: ", el("strong", {}, claim.perpetrator)] : null,
      claim.perpetrator && claim.target ? " · " : null,
      claim.target ? ["target: ", el("strong", {}, claim.target)] : null) : null,
    killed ? el("div", {}, "killed: ", el("strong", {}, killed)) : null,
    quote ? el("blockquote", { title: "show in the source text", class: "quote", onclick: () => showSpan(report.document_id, quote) }, quote.text) : null,
    (claim.caveats || []).length ? el("div", { class: "caveats" }, claim.caveats.map((c) => el("span", { class: "badge caveat" }, `⚠ ${c}`))) : null,
    docTitle ? el("a", { class: "claim-source small", href: `#doc-${report.document_id}` }, `in: ${docTitle}`) : null);
}

function claims(inc, titles) {
  const parties = new Map();
  for (const report of inc.reports || []) {
    for (const claim of report.claims || []) {
      const who = claim.claimant || {};
      const key = who.entity || who.name || "unattributed";
      if (!parties.has(key)) parties.set(key, { who, items: [] });
      parties.get(key).items.push([claim, report]);
    }
  }
  const section = el("section", { class: "card claims-card", "aria-label": "Claims by party" }, el("h2", {}, "Who says what"));
  if (!parties.size) return append(section, [el("p", { class: "muted" }, "No attributed claims in the reports.")]);
  const grid = el("div", { class: "parties" });
  // Parties of one side sit next to each other, so the two sides' versions read across the row.
  const ordered = [...parties].sort(([a, x], [b, y]) =>
    String(x.who.side || "~").localeCompare(String(y.who.side || "~")) || a.localeCompare(b));
  const several = (inc.documents || []).length > 1;
  for (const [name, { who, items }] of ordered) {
    grid.appendChild(el("div", { class: "party" },
      el("header", {}, el("h3", {}, name),
        el("span", { class: "muted small" }, [who.type, who.side].filter(Boolean).join(" · ") || "\u00a0")),
      items.map(([claim, report]) =>
        claimCard(claim, report, several ? titles.get(report.document_id) || report.document_id : null))));
  }
  return append(section, [grid]);
}

function legend() {
  const roles = ["sentence", "place", "time", "killed", "weapon", "actor", "claim.source", "claim.cue", "claim.content"];
  return el("div", { class: "span-legend small" }, "Highlights: ",
    roles.map((r) => el("mark", { class: `ev ${roleClass(r)}` }, ROLE_NAME[r])));
}

async function documentCard(meta, reports) {
  const spans = [];
  for (const report of reports) {
    for (const span of report.evidence || []) spans.push(span);
    for (const claim of report.claims || []) for (const span of claim.evidence || []) spans.push(span);
  }
  const href = meta.url ? safeHref(meta.url) : null;
  const card = el("section", { class: "card document", id: `doc-${meta.id}`, "aria-label": "Source document" },
    el("h3", {}, meta.title || meta.source || meta.id),
    el("div", { class: "muted small" }, [meta.source, day(meta.published)].filter(Boolean).join(" · "), " ",
      href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, meta.url) : meta.url || null),
    el("p", { class: "muted small" }, `${reports.length} report(s) from this document`));
  const body = el("div", { class: "doc-text" }, "Loading text…");
  card.appendChild(body);
  try {
    const doc = await api(`/api/documents/${encodeURIComponent(meta.id)}`);
    clear(body).appendChild(highlight(doc.text || "", spans));
  } catch (err) {
    clear(body).appendChild(document.createTextNode(`Could not load the text: ${err.message}`));
  }
  return card;
}

function auditLog(inc) {
  const rows = inc.review_log || [];
  return el("section", { class: "card audit", "aria-label": "Audit log" },
    el("h2", {}, "Audit log"),
    rows.length ? el("table", { class: "log" },
      el("thead", {}, el("tr", {}, ["When", "Who", "Action", "Field", "Old", "New", "Note"].map((h) => el("th", {}, h)))),
      el("tbody", {}, rows.map((r) => el("tr", {},
        [String(r.at || "").replace("T", " ").slice(0, 19), r.actor, r.action, r.field, r.old, r.new, r.note]
          .map((v) => el("td", {}, v ?? "")))))) : el("p", { class: "muted" }, "No changes yet."));
}

async function main() {
  let inc;
  try {
    inc = await api(`/api/incidents/${encodeURIComponent(incidentId)}`);
  } catch (err) {
    clear(root).appendChild(el("p", { class: "status error" }, `Could not load incident ${incidentId}: ${err.message}`));
    return;
  }
  document.title = `${inc.sub_event_type || inc.event_type || "Incident"} — ${placeLabel(inc)} · warlog`;
  const titles = new Map((inc.documents || []).map((d) => [d.id, d.title || d.source || d.id]));
  clear(root);
  append(root, [
    el("div", { class: "incident-head" },
      el("a", { href: "/", class: "small" }, "← map"),
      el("h1", {}, typeDot(inc.event_type), inc.sub_event_type || inc.event_type || "Incident", " — ", placeLabel(inc)),
      el("p", { class: "muted" }, timeRange(inc.time_start, inc.time_end, inc.date_prec, inc.event_date), " · ", el("code", {}, inc.id), " · ",
        el("a", { href: `/review?id=${encodeURIComponent(inc.id)}` }, "review this incident")),
      inc.summary ? el("p", { class: "lead" }, inc.summary) : null),
    el("div", { class: "top-grid" }, consensus(inc), grading(inc)),
    claims(inc, titles),
    el("h2", { class: "section-title" }, "Sources"),
    legend(),
  ]);
  const byDoc = new Map();
  for (const report of inc.reports || []) {
    if (!byDoc.has(report.document_id)) byDoc.set(report.document_id, []);
    byDoc.get(report.document_id).push(report);
  }
  const docs = inc.documents && inc.documents.length ? inc.documents : [...byDoc.keys()].map((id) => ({ id }));
  const cards = await Promise.all(docs.map((d) => documentCard(d, byDoc.get(d.id) || [])));
  append(root, [cards, auditLog(inc)]);
  root.dataset.ready = "1";
}

main();
