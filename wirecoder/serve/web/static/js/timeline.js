// Timeline: merged events per day stacked by type. Dragging across it (a brush) sets the
// date range, which filters every other view; the timeline itself shows all dates.
import { get, query } from "./api.js";
import { el, typeColour } from "./util.js";

const section = document.getElementById("timeline");
const W = 1000, H = 180, PAD = 24;
const DAY = 86400000;
const day = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / DAY);
const iso = (d) => new Date(d * DAY).toISOString().slice(0, 10);

export async function render(ctx) {
  section.dataset.state = "loading";
  const rows = await get(`/api/aggregates/timeline${query(ctx.filters, {}, ["since", "until"])}`);
  const body = section.querySelector("[data-body]");
  if (!rows.length) {
    body.replaceChildren(el("p", { text: "No dated events match the filters." }));
    section.querySelector("[data-legend]").replaceChildren();
    section.dataset.state = "ready";
    return;
  }
  const first = day(rows[0].date), last = day(rows[rows.length - 1].date);
  const days = last - first + 1;
  const totals = new Map();
  for (const r of rows) totals.set(r.date, (totals.get(r.date) || 0) + r.count);
  const max = Math.max(...totals.values());
  const bw = Math.min((W - 2 * PAD) / days, 40);  // a few days: bars, not a wall
  const x = (d) => PAD + (d - first) * bw;
  const y = (n) => (H - PAD) * n / max;
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, role: "img",
    "aria-label": `Events per day from ${rows[0].date} to ${rows[rows.length - 1].date}; at most ${max} on one day` });
  const stacked = new Map();
  const types = new Set();
  for (const r of rows) {
    const below = stacked.get(r.date) || 0;
    stacked.set(r.date, below + r.count);
    types.add(r.type);
    svg.append(el("svg:rect", { x: x(day(r.date)), width: Math.max(bw - 0.5, 0.8),
      y: H - PAD - y(below + r.count), height: y(r.count), fill: typeColour(r.type), "data-date": r.date,
      "data-type": r.type, "data-count": r.count }, el("svg:title", { text: `${r.date}: ${r.count} ${r.type}` })));
  }
  svg.append(el("svg:line", { x1: PAD, x2: W - PAD, y1: H - PAD, y2: H - PAD, stroke: "#999" }));
  const ticks = Math.min(6, days);
  for (let i = 0; i < ticks; i++) {
    const d = first + Math.round(i * (days - 1) / Math.max(ticks - 1, 1));
    svg.append(el("svg:text", { x: x(d), y: H - 6, "font-size": 11, fill: "#555", text: iso(d) }));
  }
  svg.append(el("svg:text", { x: 2, y: 12, "font-size": 11, fill: "#555", text: `${max}/day` }));
  const brush = el("svg:rect", { class: "brush", y: 0, height: H - PAD, x: 0, width: 0, visibility: "hidden" });
  if (ctx.filters.since || ctx.filters.until) {
    const a = ctx.filters.since ? Math.max(day(ctx.filters.since), first) : first;
    const b = ctx.filters.until ? Math.min(day(ctx.filters.until), last) : last;
    brush.setAttribute("x", x(a)); brush.setAttribute("width", Math.max(x(b + 1) - x(a), 1));
    brush.setAttribute("visibility", "visible");
  }
  svg.append(brush);
  // Pointer positions in viewBox units, as days.
  const toDay = (evt) => {
    const box = svg.getBoundingClientRect();
    const vx = (evt.clientX - box.left) * W / box.width;
    return Math.min(last, Math.max(first, first + Math.floor((vx - PAD) / bw)));
  };
  let start = null;
  svg.addEventListener("pointerdown", (evt) => { start = toDay(evt); svg.setPointerCapture(evt.pointerId); });
  svg.addEventListener("pointermove", (evt) => {
    if (start === null) return;
    const a = Math.min(start, toDay(evt)), b = Math.max(start, toDay(evt));
    brush.setAttribute("x", x(a)); brush.setAttribute("width", x(b + 1) - x(a));
    brush.setAttribute("visibility", "visible");
  });
  svg.addEventListener("pointerup", (evt) => {
    if (start === null) return;
    const a = Math.min(start, toDay(evt)), b = Math.max(start, toDay(evt));
    start = null;
    ctx.setFilters({ since: iso(a), until: iso(b) });
  });
  const clear = el("button", { type: "button", disabled: !(ctx.filters.since || ctx.filters.until),
    onclick: () => ctx.setFilters({ since: "", until: "" }) }, "All dates");
  body.replaceChildren(svg, clear);
  section.querySelector("[data-legend]").replaceChildren(...[...types].map((t) =>
    el("span", {}, el("span", { class: "sw", style: `background:${typeColour(t)}` }), ` ${t}`)));
  section.dataset.state = "ready";
}
