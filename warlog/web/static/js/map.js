// The map page: Natural Earth countries (no tile server), clustered incident markers coloured by event
// type and sized by killed, filters kept in the URL, and a uPlot timeline whose brush sets the date range.
import {
  EVENT_TYPES, GRADINGS, api, append, clear, colorOf, el, eventDay, gradingBadge, killedOf, placeLabel, range,
  typeDot,
} from "./api.js";

const form = document.getElementById("filters");
const mapNode = document.getElementById("map");
const statusNode = document.getElementById("status");
const countNode = document.getElementById("count");
const listNode = document.getElementById("incident-list");
const clearBrush = document.getElementById("clear-brush");
const timelineNode = document.getElementById("timeline");
const DAY_S = 86400;

// Filters -------------------------------------------------------------------------------------------

function checkbox(name, value, label, color) {
  return el("label", { class: "check" },
    el("input", { type: "checkbox", name, value }),
    color ? (() => { const d = el("span", { class: "swatch", "aria-hidden": "true" }); d.style.background = color; return d; })() : null,
    label);
}
append(document.getElementById("event-types"), EVENT_TYPES.map(([name, color]) => checkbox("event_type", name, name, color)));
append(document.getElementById("gradings"), GRADINGS.map((g) => checkbox("grading", g, g)));

// A bbox from a shared URL is used as written until the user moves the map (the view around it is wider).
let pinnedBbox = null;

function readForm() {
  const params = new URLSearchParams();
  const data = new FormData(form);
  for (const [key, value] of data.entries()) {
    const v = String(value).trim();
    if (!v) continue;
    if (key === "in_view" && pinnedBbox) {
      params.append("bbox", pinnedBbox);
    } else if (key === "in_view") {
      const b = map.getBounds();
      const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x)).toFixed(3);
      params.append("bbox", [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90),
        clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)].join(","));
    } else if (key === "start") params.append("start", `${v}T00:00:00Z`);
    else if (key === "end") params.append("end", `${v}T23:59:59Z`);
    else if (key === "country") params.append("country", v.toUpperCase());
    else params.append(key, v);
  }
  return params;
}

function writeForm(params) {
  for (const input of form.elements) {
    if (!input.name) continue;
    if (input.type === "checkbox" && input.name !== "in_view") input.checked = params.getAll(input.name).includes(input.value);
    else if (input.name === "start" || input.name === "end") input.value = (params.get(input.name) || "").slice(0, 10);
    else if (input.name === "in_view") input.checked = params.has("bbox");
    else if (input.name) input.value = params.get(input.name) || "";
  }
}

// Map -----------------------------------------------------------------------------------------------

const map = L.map(mapNode, { zoomSnap: 0.5, minZoom: 2, maxZoom: 12, worldCopyJump: true, preferCanvas: false });
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution("Countries: Natural Earth (world-atlas)");
map.setView([48.5, 33], 5);

fetch("/static/vendor/world-atlas/countries-50m.json")
  .then((r) => r.json())
  .then((topo) => {
    const land = topojson.feature(topo, topo.objects.countries);
    land.features = land.features.filter((f) => f.properties.name !== "Antarctica").map(unwrapFeature);
    L.geoJSON(land, {
      interactive: false,
      style: { fillColor: "#f4f3ee", fillOpacity: 1, color: "#b8b4a8", weight: 0.7 },
    }).addTo(map).bringToBack();
    labelCountries(land);
  })
  .catch(() => setStatus("The country base layer could not be loaded."));

// Rings that cross the antimeridian (Russia's Chukotka, Fiji) jump from +180 to -180 and Leaflet draws that
// jump as a band across the whole map: shift each point by 360° so every ring stays continuous.
function unwrapRing(ring) {
  let previous = null;
  return ring.map(([lon, lat]) => {
    let x = lon;
    if (previous !== null) {
      while (x - previous > 180) x -= 360;
      while (x - previous < -180) x += 360;
    }
    previous = x;
    return [x, lat];
  });
}

function unwrapFeature(feature) {
  const g = feature.geometry;
  if (!g) return feature;
  const polygon = (rings) => rings.map(unwrapRing);
  const coordinates = g.type === "MultiPolygon" ? g.coordinates.map(polygon) : polygon(g.coordinates);
  return { ...feature, geometry: { ...g, coordinates } };
}

// Country names, since there is no tile layer to name them: at the middle of each country's largest
// polygon, shown from zoom 4 on (the pane sits under the markers and takes no clicks).
const labels = L.layerGroup();
map.createPane("labels").style.pointerEvents = "none";
function labelCountries(land) {
  for (const feature of land.features) {
    const name = feature.properties && feature.properties.name;
    if (!name) continue;
    const polys = feature.geometry.type === "MultiPolygon" ? feature.geometry.coordinates : [feature.geometry.coordinates];
    let best = null;
    let bestArea = 0;
    for (const poly of polys) {
      const ring = poly[0];
      const lons = ring.map((p) => p[0]);
      const lats = ring.map((p) => p[1]);
      const area = (Math.max(...lons) - Math.min(...lons)) * (Math.max(...lats) - Math.min(...lats));
      if (area > bestArea) {
        bestArea = area;
        best = [(Math.max(...lats) + Math.min(...lats)) / 2, (Math.max(...lons) + Math.min(...lons)) / 2];
      }
    }
    if (best && bestArea > 4) {
      labels.addLayer(L.marker(best, {
        pane: "labels", interactive: false, keyboard: false,
        icon: L.divIcon({ className: "country-label", html: el("span", {}, name), iconSize: null }),
      }));
    }
  }
  const toggle = () => (map.getZoom() >= 4 ? labels.addTo(map) : labels.remove());
  map.on("zoomend", toggle);
  toggle();
}

const clusters = L.markerClusterGroup({
  maxClusterRadius: 36,
  showCoverageOnHover: false,
  spiderfyOnMaxZoom: true,
  iconCreateFunction(cluster) {
    const n = cluster.getChildCount();
    const size = n < 10 ? 30 : n < 100 ? 36 : 44;
    return L.divIcon({
      html: el("div", { class: "cluster-inner" }, String(n)),
      className: "cluster",
      iconSize: L.point(size, size),
    });
  },
});
map.addLayer(clusters);

function radiusOf(item) {
  return Math.min(26, 5 + 2.6 * Math.sqrt(killedOf(item)));
}

function popupOf(item) {
  return el("div", { class: "popup" },
    el("div", { class: "popup-type" }, typeDot(item.event_type), item.sub_event_type || item.event_type || "event"),
    el("div", { class: "popup-place" }, placeLabel(item)),
    el("div", { class: "muted" }, eventDay(item.time_start, item.time_end, item.event_date), " · killed ", range(item.killed), " · ",
      `${item.number_of_sources || 0} source(s)`),
    item.summary ? el("p", { class: "popup-summary" }, item.summary) : null,
    el("div", { class: "popup-foot" }, gradingBadge(item.grading),
      el("a", { href: `/incidents/${encodeURIComponent(item.id)}`, class: "open" }, "Open incident →")));
}

let fitted = false;
function showIncidents(items, total) {
  clusters.clearLayers();
  clear(listNode);
  const markers = [];
  for (const item of items) {
    const lat = item.lat ?? item.place?.lat;
    const lon = item.lon ?? item.place?.lon;
    if (lat != null && lon != null) {
      const marker = L.circleMarker([lat, lon], {
        radius: radiusOf(item), color: "#ffffff", weight: 1.2, fillColor: colorOf(item.event_type),
        fillOpacity: 0.88, className: "incident-marker",
      });
      marker.bindPopup(() => popupOf(item), { maxWidth: 320 });
      markers.push(marker);
    }
    listNode.appendChild(el("li", {},
      el("a", { href: `/incidents/${encodeURIComponent(item.id)}` },
        typeDot(item.event_type),
        el("span", { class: "li-main" }, item.sub_event_type || item.event_type || "event", " — ", placeLabel(item)),
        el("span", { class: "li-meta" }, eventDay(item.time_start, item.time_end, item.event_date), " · killed ", range(item.killed), " · ",
          item.grading || "ungraded"))));
  }
  clusters.addLayers(markers);
  countNode.textContent = total > items.length ? `${items.length} of ${total}` : String(items.length);
  mapNode.dataset.markers = String(markers.length);
  if (!fitted && markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.6), { maxZoom: 6 });
    fitted = true;
  }
}

function setStatus(text) {
  statusNode.textContent = text || "";
}

// Timeline ------------------------------------------------------------------------------------------

let plot = null;
let brushing = false;

function drawTimeline(rows) {
  const xs = rows.map((r) => Date.parse(`${r.key}T00:00:00Z`) / 1000);
  const ys = rows.map((r) => r.incidents);
  const width = Math.max(200, timelineNode.clientWidth);
  const min = xs.length ? xs[0] - DAY_S : Date.now() / 1000 - 30 * DAY_S;
  const max = xs.length ? xs[xs.length - 1] + DAY_S : Date.now() / 1000;
  const opts = {
    width, height: 120, legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
    select: { show: true },
    scales: { x: { time: true, range: () => [min, max] }, y: { range: (u, lo, hi) => [0, Math.max(1, hi)] } },
    axes: [
      { stroke: "#555", grid: { stroke: "#eee" }, ticks: { stroke: "#ddd" }, space: 70,
        incrs: [DAY_S, 2 * DAY_S, 7 * DAY_S, 14 * DAY_S, 30 * DAY_S, 91 * DAY_S, 182 * DAY_S, 365 * DAY_S],
        values: (u, splits) => splits.map((v) => new Date(v * 1000).toISOString().slice(0, 10)) },
      { stroke: "#555", grid: { stroke: "#eee" }, ticks: { stroke: "#ddd" }, size: 36, incrs: [1, 2, 5, 10, 20, 50, 100] },
    ],
    series: [
      {},
      { label: "incidents", fill: "rgba(52,73,94,0.55)", stroke: "#34495e", width: 1,
        paths: uPlot.paths.bars({ size: [0.7, 40], align: 0 }), points: { show: false } },
    ],
    hooks: {
      setSelect: [(u) => {
        if (u.select.width < 3) return;
        const from = u.posToVal(u.select.left, "x");
        const to = u.posToVal(u.select.left + u.select.width, "x");
        form.elements.start.value = new Date(Math.floor(from / DAY_S) * DAY_S * 1000).toISOString().slice(0, 10);
        form.elements.end.value = new Date(Math.floor(to / DAY_S) * DAY_S * 1000).toISOString().slice(0, 10);
        brushing = true;
        clearBrush.hidden = false;
        refresh({ timeline: false });
      }],
    },
  };
  if (plot) plot.destroy();
  clear(timelineNode);
  plot = new uPlot(opts, [xs, ys], timelineNode);
  timelineNode.dataset.days = String(xs.length);
}

new ResizeObserver(() => {
  if (plot) plot.setSize({ width: Math.max(200, timelineNode.clientWidth), height: 120 });
}).observe(timelineNode);

clearBrush.addEventListener("click", () => {
  form.elements.start.value = "";
  form.elements.end.value = "";
  brushing = false;
  clearBrush.hidden = true;
  if (plot) plot.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
  refresh({ timeline: false });
});

// Loading -------------------------------------------------------------------------------------------

let generation = 0;
async function refresh({ timeline = true } = {}) {
  const params = readForm();
  history.replaceState(null, "", params.toString() ? `/?${params}` : "/");
  const mine = ++generation;
  setStatus("Loading…");
  mapNode.dataset.ready = "0";
  try {
    const listing = new URLSearchParams(params);
    listing.set("limit", "1000");
    const requests = [api(`/api/incidents?${listing}`)];
    if (timeline) {
      const stats = new URLSearchParams(params);
      stats.delete("start");
      stats.delete("end");
      stats.set("by", "day");
      requests.push(api(`/api/stats?${stats}`));
    }
    const [page, stats] = await Promise.all(requests);
    if (mine !== generation) return;
    showIncidents(page.items, page.total);
    if (stats) drawTimeline(stats.rows);
    setStatus(page.items.length ? "" : "No incident matches these filters.");
  } catch (err) {
    if (mine === generation) setStatus(`Could not load incidents: ${err.message}`);
  } finally {
    if (mine === generation) mapNode.dataset.ready = "1";
  }
}

let timer = null;
form.addEventListener("input", (event) => {
  if (event.target.name === "in_view") pinnedBbox = null;
  const dates = event.target.name === "start" || event.target.name === "end";
  if (dates && !brushing) clearBrush.hidden = !(form.elements.start.value || form.elements.end.value);
  clearTimeout(timer);
  timer = setTimeout(() => refresh({ timeline: !dates }), 250);
});
form.addEventListener("submit", (event) => event.preventDefault());
form.addEventListener("reset", () => setTimeout(() => {
  brushing = false;
  clearBrush.hidden = true;
  refresh();
}, 0));

// The legend doubles as a key for the marker size.
append(document.getElementById("legend"), [
  EVENT_TYPES.map(([name, color]) => {
    const dot = el("span", { class: "swatch", "aria-hidden": "true" });
    dot.style.background = color;
    return el("div", { class: "legend-row" }, dot, name);
  }),
  el("div", { class: "legend-row muted" }, "circle size: people killed"),
]);

const initial = new URLSearchParams(window.location.search);
writeForm(initial);
if (initial.get("bbox")) {
  const [w, so, e, n] = initial.get("bbox").split(",").map(Number);
  if ([w, so, e, n].every(Number.isFinite)) {
    pinnedBbox = [w, so, e, n].join(",");
    map.fitBounds([[so, w], [n, e]], { animate: false });
    fitted = true;
  }
}
map.on("moveend", () => {
  pinnedBbox = null;
  if (form.elements.in_view.checked) refresh({ timeline: true });
});
clearBrush.hidden = !(form.elements.start.value || form.elements.end.value);
refresh();
