// Map: the selected events' places on an offline world map (Natural Earth outlines shipped in
// world.json). Markers are sized by reports and clustered on a grid that shrinks as you zoom;
// a cluster zooms in, a place lists its events with links to the evidence.
import { get, query } from "./api.js";
import { actorLabel, articleHref, el } from "./util.js";

const section = document.getElementById("map");
const TOP = 84, BOTTOM = -60;          // latitudes shown: Antarctica is left out
const W = 360, H = TOP - BOTTOM;
let world = null;
let view = { cx: 0, cy: -(TOP + BOTTOM) / 2, k: 1 };
let current = { places: [], ctx: null };

async function outlines() {
  if (!world) {
    const data = await get("/world.json");
    world = data.countries.map((c) => {
      const d = c.rings.map((ring) => {
        let s = "";
        for (let i = 0; i < ring.length; i += 2) s += `${i ? "L" : "M"}${ring[i]} ${-ring[i + 1]}`;
        return s + "Z";
      }).join("");
      return { name: c.name, d };
    });
  }
  return world;
}

function clusters(places) {
  const cell = 10 / view.k;
  const cells = new Map();
  for (const p of places) {
    const key = `${Math.floor(p.lon / cell)}:${Math.floor(p.lat / cell)}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(p);
  }
  return [...cells.values()].map((members) => {
    const reports = members.reduce((n, p) => n + p.reports, 0);
    const events = members.reduce((n, p) => n + p.events, 0);
    const lon = members.reduce((n, p) => n + p.lon * p.reports, 0) / reports;
    const lat = members.reduce((n, p) => n + p.lat * p.reports, 0) / reports;
    return { members, reports, events, lon, lat };
  });
}

async function listEvents(place) {
  const box = section.querySelector("[data-list]");
  box.replaceChildren(el("p", { text: `Loading events at ${place.name}…` }));
  const page = await get(`/api/search/events${query({ ...current.ctx.filters, place: place.name }, { limit: 100 })}`);
  box.replaceChildren(
    el("h3", { text: `${place.name}: ${page.total} events, ${place.reports} reports` }),
    el("ul", {}, page.items.map((e) => el("li", {},
      el("a", { href: articleHref(e.evidence) }, `${e.date || "undated"} ${e.type} ${actorLabel(e.source)}`
        + (e.target ? ` → ${actorLabel(e.target)}` : ""))))),
    el("button", { type: "button", onclick: () => current.ctx.setFilters({ place: place.name }) },
      `Filter every view by ${place.name}`));
  section.dataset.list = "ready";
}

function activate(c) {
  if (c.members.length === 1) { listEvents(c.members[0]); return; }
  view = { cx: c.lon, cy: -c.lat, k: Math.min(view.k * 3, 200) };
  draw();
}

function draw() {
  const { k, cx, cy } = view;
  const w = W / k, h = H / k;
  const svg = el("svg:svg", { viewBox: `${cx - w / 2} ${cy - h / 2} ${w} ${h}`, role: "group",
    "aria-label": `World map with ${current.places.length} places of events` });
  svg.append(el("svg:g", { "aria-hidden": "true" }, world.map((c) =>
    el("svg:path", { class: "country", d: c.d, "stroke-width": 0.3 / k }, el("svg:title", { text: c.name })))));
  const markers = el("svg:g", {});
  for (const c of clusters(current.places).sort((a, b) => b.reports - a.reports)) {
    const single = c.members.length === 1;
    const label = single
      ? `${c.members[0].name}: ${c.events} events, ${c.reports} reports`
      : `${c.members.length} places (${c.members.slice(0, 3).map((p) => p.name).join(", ")}…): ${c.events} events, ${c.reports} reports; zoom in`;
    const r = (1.2 + Math.sqrt(c.reports) * 0.9) / k;
    const g = el("svg:g", { class: "marker-g", tabindex: 0, role: "button", "aria-label": label,
      "data-place": single ? c.members[0].name : null, "data-reports": c.reports,
      onclick: () => activate(c), onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); activate(c); } } },
      el("svg:circle", { class: `marker${single ? "" : " cluster"}`, cx: c.lon, cy: -c.lat, r, "stroke-width": 0.25 / k }),
      el("svg:title", { text: label }));
    if (!single) g.append(el("svg:text", { x: c.lon, y: -c.lat + r * 0.35, "text-anchor": "middle",
      "font-size": r, fill: "#fff", "pointer-events": "none", text: c.members.length }));
    markers.append(g);
  }
  svg.append(markers);
  pannable(svg, w);
  section.querySelector("[data-body]").replaceChildren(svg);
}

// Dragging the map (or the arrow keys on it) moves the view; a drag is not a click on a marker.
function pannable(svg, w) {
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("aria-keyshortcuts", "ArrowLeft ArrowRight ArrowUp ArrowDown");
  let from = null;
  svg.addEventListener("pointerdown", (e) => { from = { x: e.clientX, y: e.clientY, cx: view.cx, cy: view.cy, moved: false }; });
  svg.addEventListener("pointermove", (e) => {
    if (!from) return;
    const scale = w / svg.getBoundingClientRect().width;
    const dx = (e.clientX - from.x) * scale, dy = (e.clientY - from.y) * scale;
    if (!from.moved && Math.abs(e.clientX - from.x) + Math.abs(e.clientY - from.y) < 4) return;
    from.moved = true;
    const vb = svg.viewBox.baseVal;
    view = { ...view, cx: from.cx - dx, cy: from.cy - dy };
    vb.x = view.cx - vb.width / 2; vb.y = view.cy - vb.height / 2;
  });
  svg.addEventListener("pointerup", () => { if (from && from.moved) draw(); from = null; });
  svg.addEventListener("keydown", (e) => {
    const step = w / 8;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (e.target !== svg || !moves[e.key]) return;
    e.preventDefault();
    view = { ...view, cx: view.cx + moves[e.key][0], cy: view.cy + moves[e.key][1] };
    draw();
    section.querySelector("[data-body] svg").focus();
  });
}

for (const b of section.querySelectorAll("[data-zoom]")) {
  b.addEventListener("click", () => {
    if (!world) return;
    const z = b.dataset.zoom;
    view = z === "reset" ? { cx: 0, cy: -(TOP + BOTTOM) / 2, k: 1 }
      : { ...view, k: Math.max(1, Math.min(200, view.k * (z === "in" ? 2 : 0.5))) };
    draw();
  });
}

export async function render(ctx) {
  section.dataset.state = "loading";
  const [places] = await Promise.all([get(`/api/aggregates/places${query(ctx.filters)}`), outlines()]);
  current = { places, ctx };
  section.querySelector("[data-list]").replaceChildren();
  draw();
  section.dataset.state = "ready";
}
