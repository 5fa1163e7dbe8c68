// Shared helpers for the warlog pages: API calls, the reviewer token, and a DOM builder.
// Why a builder: every string from the API (article text, claims, place names) is untrusted, so pages
// build elements and set text with text nodes; nothing here ever parses a string as HTML.

export const EVENT_TYPES = [
  ["Battles", "#c0392b"],
  ["Explosions/Remote violence", "#d35400"],
  ["Violence against civilians", "#8e44ad"],
  ["Protests", "#2471a3"],
  ["Riots", "#17a589"],
  ["Strategic developments", "#7f8c8d"],
];
export const GRADINGS = ["Confirmed", "Fair", "Weak", "Contested", "Discounted"];
export const UNKNOWN_COLOR = "#34495e";

export function colorOf(eventType) {
  const hit = EVENT_TYPES.find(([name]) => name === eventType);
  return hit ? hit[1] : UNKNOWN_COLOR;
}

// el("a", {href: "/x", class: "c"}, "text", child) -> element; strings become text nodes.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Only http(s) links are made clickable: a javascript: URL in a stored document must stay text.
export function safeHref(url) {
  try {
    const parsed = new URL(url, window.location.origin);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, { method = "GET", body, token } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  if (!response.ok) {
    const err = (payload && payload.error) || {};
    const detail = payload && payload.detail ? JSON.stringify(payload.detail) : response.statusText;
    throw new ApiError(response.status, err.code || String(response.status), err.message || detail);
  }
  return payload;
}

const TOKEN_KEY = "warlog.token";
export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY) || "",
  set: (value) => (value ? sessionStorage.setItem(TOKEN_KEY, value) : sessionStorage.removeItem(TOKEN_KEY)),
};

// Formatting ------------------------------------------------------------------------------------------

const DATE_PREC = { 1: "day", 2: "≤ 6 days", 3: "week", 4: "month", 5: "year" };
const WHERE_PREC = {
  1: "exact", 2: "near", 3: "district", 4: "province", 5: "larger area", 6: "country", 7: "sea/air",
};

export function day(iso) {
  return iso ? iso.slice(0, 10) : "—";
}

// The calendar day an event is on: the middle of its range, so a local day stored as UTC
// (21:00 the evening before to 21:00) is shown as that local day, not the UTC day it starts on.
// The event's local day: the API's event_date (ACLED's, in the event's own zone) when it has one, else the
// middle of the UTC range.
export function eventDay(start, end, local) {
  if (local) return local;
  if (!start) return "—";
  const a = Date.parse(start);
  const b = end ? Date.parse(end) : a;
  if (Number.isNaN(a) || Number.isNaN(b)) return day(start);
  return new Date((a + b) / 2).toISOString().slice(0, 10);
}

export function timeRange(start, end, prec, local) {
  if (!start) return "date unknown";
  if (prec === 1) return `${eventDay(start, end, local)} (precision: day)`;
  const a = day(start);
  const b = end ? day(new Date(Date.parse(end) - 1000).toISOString()) : a;
  const span = a === b ? a : `${a} – ${b}`;
  return prec ? `${span} (precision: ${DATE_PREC[prec] || prec})` : span;
}

export function wherePrec(prec) {
  return prec ? WHERE_PREC[prec] || String(prec) : "—";
}

export function range(count) {
  if (!count) return "—";
  const { low, best, high } = count;
  if (low == null && best == null && high == null) return "—";
  if (low != null && high != null && low !== high) return `${low}–${high}${best != null ? ` (best ${best})` : ""}`;
  if (best != null) return String(best);
  if (low != null) return high == null ? `≥ ${low}` : String(low);
  return `≤ ${high}`;
}

export function killedOf(item) {
  const k = item.killed || {};
  return k.best ?? k.low ?? k.high ?? 0;
}

export function placeLabel(item) {
  const place = item.place;
  if (!place || !place.name) return "place unknown";
  return [place.name, place.admin1, place.country].filter(Boolean).join(", ");
}

export function gradingBadge(grading) {
  return el("span", { class: `badge grading grading-${(grading || "none").toLowerCase()}` }, grading || "ungraded");
}

export function statusBadge(status) {
  return el("span", { class: `badge status status-${status || "unreviewed"}` }, status || "unreviewed");
}

export function typeDot(eventType) {
  const dot = el("span", { class: "dot", "aria-hidden": "true" });
  dot.style.background = colorOf(eventType);
  return dot;
}
