// Article view: the cleaned text with every event, quote and figure highlighted at its
// evidence offsets and every place at its mentions, beside a panel of the coded records.
// Choosing a record (or arriving from one: ?start=&end=) marks its sentence as selected.
import { get } from "./api.js";
import { actorLabel, el } from "./util.js";

const section = document.getElementById("article");

function records(x) {
  const out = [];
  x.events.forEach((e, i) => out.push({ kind: "event", key: `event-${i}`, ranges: [[e.evidence.start, e.evidence.end]],
    label: `${e.negated ? "NOT " : ""}${e.type} ${actorLabel(e.source)}${e.target ? " → " + actorLabel(e.target) : ""}${e.date ? " · " + e.date : ""}`,
    evidence: e.evidence }));
  x.quotes.forEach((q, i) => out.push({ kind: "quote", key: `quote-${i}`, ranges: [[q.evidence.start, q.evidence.end]],
    label: `${q.speaker ? q.speaker.name : "unknown speaker"}: “${q.text}”`, evidence: q.evidence }));
  x.figures.forEach((f, i) => out.push({ kind: "figure", key: `figure-${i}`, ranges: [[f.evidence.start, f.evidence.end]],
    label: `${f.kind} ${f.min ?? "?"}${f.max !== f.min ? "–" + (f.max ?? "?") : ""}${f.subject ? " " + f.subject : ""}`, evidence: f.evidence }));
  x.places.forEach((p, i) => out.push({ kind: "place", key: `place-${i}`, ranges: p.mentions,
    label: `${p.name}${p.country ? " (" + p.country + ")" : ""}${p.lat != null ? ` ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : ""}` }));
  return out;
}

// The text cut at every range boundary; each piece knows which records cover it.
function highlighted(text, recs) {
  const cuts = new Set([0, text.length]);
  for (const r of recs) for (const [s, e] of r.ranges) { cuts.add(s); cuts.add(e); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [s, e] = [points[i], points[i + 1]];
    const covering = recs.filter((r) => r.ranges.some(([a, b]) => a <= s && e <= b));
    if (!covering.length) { pieces.push(text.slice(s, e)); continue; }
    const kinds = [...new Set(covering.map((r) => r.kind))];
    pieces.push(el("span", { class: `hl ${kinds.join(" ")}`, "data-records": covering.map((r) => r.key).join(" "),
      "data-start": s, "data-end": e }, text.slice(s, e)));
  }
  return pieces;
}

function select(key, scroll = true) {
  for (const n of section.querySelectorAll(".hl.selected")) n.classList.remove("selected");
  for (const b of section.querySelectorAll("[data-record]")) b.setAttribute("aria-pressed", String(b.dataset.record === key));
  const spans = [...section.querySelectorAll(".hl")].filter((n) => n.dataset.records.split(" ").includes(key));
  for (const n of spans) n.classList.add("selected");
  if (scroll && spans[0]) spans[0].scrollIntoView({ block: "center" });
}

export async function render(id, params, ctx) {
  section.dataset.state = "loading";
  const body = section.querySelector("[data-body]");
  const side = section.querySelector("[data-side]");
  let data;
  try {
    data = await get(`/api/articles/${encodeURIComponent(id)}`);
  } catch (e) {
    body.replaceChildren(el("p", { text: `No such article (${e.message}).` }));
    side.replaceChildren();
    section.dataset.state = "ready";
    return;
  }
  const x = data.extraction, a = x.article;
  const recs = records(x);
  section.querySelector("h2").textContent = a.title || "Article";
  const meta = [a.source, a.published, a.url].filter(Boolean).join(" · ");
  const copies = data.copies.length;
  body.replaceChildren(
    el("p", { class: "meta" }, meta || "no source or date",
      " · ", el("a", { href: `#/stories/${data.story_id}` }, `story ${data.story_id}${copies ? ` (${copies + 1} copies)` : ""}`)),
    el("div", { class: "text", "data-text": "" }, highlighted(a.text, recs)));
  const groups = [["event", "Events"], ["quote", "Quotes"], ["figure", "Figures"], ["place", "Places"]];
  side.replaceChildren(el("p", {}, el("a", { href: "#/" }, "← Back to the dashboard")),
    ...groups.map(([kind, title]) => {
      const mine = recs.filter((r) => r.kind === kind);
      return el("section", { "aria-label": title }, el("h3", { text: `${title} (${mine.length})` }),
        el("ul", {}, mine.map((r) => el("li", {}, el("button", { type: "button", "data-record": r.key,
          "aria-pressed": "false", onclick: () => select(r.key) }, r.label)))));
    }));
  const start = Number(params.get("start")), end = Number(params.get("end"));
  const wanted = params.has("start") && recs.find((r) => r.evidence && r.evidence.start === start && r.evidence.end === end);
  if (wanted) select(wanted.key);
  ctx.setStatus(`${x.events.length} events, ${x.quotes.length} quotes, ${x.figures.length} figures, ${x.places.length} places in this article.`);
  section.dataset.state = "ready";
}
