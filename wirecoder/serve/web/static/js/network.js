// Actor network: who acts on whom. Edges are weighted by the number of merged events and
// coloured by the pair's majority class (cooperative or conflictual); a click on an actor
// filters every view by that actor (by code; actors known only by name search by name).
import { get, query } from "./api.js";
import { el } from "./util.js";

const section = document.getElementById("network");
const W = 600, H = 420;

// A deterministic force layout (same input, same picture): springs on edges, repulsion
// between nodes, a pull to the centre; a few hundred steps are enough for ~100 nodes.
function layout(nodes, edges) {
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length;
    n.x = W / 2 + Math.cos(a) * W * 0.35; n.y = H / 2 + Math.sin(a) * H * 0.35;
  });
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  for (let step = 0; step < 300; step++) {
    const cool = 1 - step / 300;
    const fx = new Float64Array(nodes.length), fy = new Float64Array(nodes.length);
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) {
        const dx = nodes[i].x - nodes[j].x, dy = nodes[i].y - nodes[j].y;
        const d2 = Math.max(dx * dx + dy * dy, 25);
        const f = 700 / d2;
        fx[i] += dx * f; fy[i] += dy * f; fx[j] -= dx * f; fy[j] -= dy * f;
      }
      fx[i] += (W / 2 - nodes[i].x) * 0.04; fy[i] += (H / 2 - nodes[i].y) * 0.06;
    }
    for (const e of edges) {
      const a = index.get(e.source), b = index.get(e.target);
      if (a === b) continue;
      const dx = nodes[b].x - nodes[a].x, dy = nodes[b].y - nodes[a].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 45) * 0.08;
      fx[a] += (dx / d) * f; fy[a] += (dy / d) * f; fx[b] -= (dx / d) * f; fy[b] -= (dy / d) * f;
    }
    nodes.forEach((n, i) => {
      n.x = Math.min(W - 60, Math.max(30, n.x + Math.max(-10, Math.min(10, fx[i])) * cool));
      n.y = Math.min(H - 20, Math.max(24, n.y + Math.max(-10, Math.min(10, fy[i])) * cool));
    });
  }
}

export async function render(ctx) {
  section.dataset.state = "loading";
  const pairs = await get(`/api/aggregates/actor-pairs${query(ctx.filters, { limit: 60 })}`);
  const body = section.querySelector("[data-body]");
  if (!pairs.length) {
    body.replaceChildren(el("p", { text: "No events with both a source and a target match the filters." }));
    section.dataset.state = "ready";
    return;
  }
  const nodes = new Map();
  const node = (id, name, code) => {
    if (!nodes.has(id)) nodes.set(id, { id, names: new Set(), code, count: 0 });
    const n = nodes.get(id);
    if (name) n.names.add(name);
    return n;
  };
  for (const p of pairs) {
    node(p.source, p.source_name, p.source_code).count += p.count;
    node(p.target, p.target_name, p.target_code).count += p.count;
  }
  const list = [...nodes.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  layout(list, pairs);
  const max = Math.max(...pairs.map((p) => p.count));
  const svg = el("svg:svg", { viewBox: `0 0 ${W} ${H}`, role: "group",
    "aria-label": `Actor network: ${list.length} actors, ${pairs.length} pairs` });
  svg.append(el("svg:defs", {}, ["cooperative", "conflictual"].map((c) =>
    el("svg:marker", { id: `arrow-${c}`, viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
      el("svg:path", { d: "M0 0L10 5L0 10z", class: `edge ${c}`, fill: c === "cooperative" ? "#2a7f62" : "#c0392b" })))));
  const edges = el("svg:g", { "aria-hidden": "true" });
  for (const p of pairs) {
    const a = nodes.get(p.source), b = nodes.get(p.target);
    const width = 1 + 5 * Math.sqrt(p.count / max);
    const title = el("svg:title", { text: `${p.source} → ${p.target}: ${p.count} events (${p.cooperative} cooperative, ${p.conflictual} conflictual)` });
    const attrs = { class: `edge ${p.class}`, "stroke-width": width, "data-source": p.source, "data-target": p.target, "data-count": p.count };
    if (a === b) {
      edges.append(el("svg:path", { ...attrs, d: `M${a.x} ${a.y - 8} a10 10 0 1 1 8 8` }, title));
    } else {
      edges.append(el("svg:line", { ...attrs, x1: a.x, y1: a.y, x2: b.x, y2: b.y, "marker-end": `url(#arrow-${p.class})` }, title));
    }
  }
  svg.append(edges);
  const active = ctx.filters.actor;
  for (const n of list) {
    const names = [...n.names].slice(0, 3).join(", ");
    const pick = () => ctx.setFilters(n.code ? { actor: active === n.code ? "" : n.code } : { q: n.id });
    svg.append(el("svg:g", { class: `node${n.code && active === n.code ? " active" : ""}`, tabindex: 0, role: "button",
      "data-actor": n.id, "aria-label": `${n.id} (${names}): ${n.count} events; filter by this actor`,
      onclick: pick, onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } } },
      el("svg:circle", { cx: n.x, cy: n.y, r: 5 + Math.min(10, Math.sqrt(n.count) * 2) }),
      el("svg:text", { x: n.x + 9, y: n.y - 9, text: n.id.length > 18 ? n.id.slice(0, 17) + "…" : n.id }),
      el("svg:title", { text: `${n.id}: ${names}` })));
  }
  body.replaceChildren(svg);
  section.dataset.state = "ready";
}
