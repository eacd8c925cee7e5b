// Events: counts per PLOVER type, the table of merged events (each row links to its evidence
// in the article view), paging, and downloads of exactly the current selection.
import { get, query } from "./api.js";
import { actorLabel, actorTitle, articleHref, el } from "./util.js";

const section = document.getElementById("events");
const PAGE = 50;
let offset = 0;
let lastKey = "";

function typeButtons(counts, ctx) {
  const box = section.querySelector("[data-types]");
  box.replaceChildren(...counts.types.map((t) => el("button", {
    type: "button", class: `${t.class}${t.count ? "" : " zero"}`, "data-type": t.type,
    "aria-pressed": String(ctx.filters.type === t.type),
    "aria-label": `${t.type}: ${t.count} events (${t.class})`,
    onclick: () => ctx.setFilters({ type: ctx.filters.type === t.type ? "" : t.type }),
  }, t.type, el("span", { class: "n", text: t.count }))));
}

function row(e) {
  const place = e.place ? e.place.name : "";
  return el("tr", { "data-event-id": e.id },
    el("td", { text: e.date || "–" }),
    el("td", {}, el("span", { class: `tag ${e.class}`, text: (e.negated ? "NOT " : "") + e.type })),
    el("td", { title: actorTitle(e.source), text: actorLabel(e.source) }),
    el("td", { title: actorTitle(e.target), text: actorLabel(e.target) }),
    el("td", { text: place }),
    el("td", { class: "num", text: e.num_articles }),
    el("td", { class: "num", text: e.num_sources }),
    el("td", { class: "evidence" }, el("a", {
      href: articleHref(e.evidence), "data-evidence": "",
      "aria-label": `Evidence of event ${e.id} in “${e.evidence.article.title || "article"}”`,
    }, e.evidence.text.trim())));
}

function table(page) {
  const head = ["Date", "Type", "Source", "Target", "Place", "Articles", "Sources", "Evidence"];
  return el("table", {},
    el("caption", { class: "skip", text: "Merged events matching the filters" }),
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, page.items.map(row)));
}

function pager(page, ctx) {
  const box = section.querySelector("[data-pager]");
  const last = Math.min(offset + page.items.length, page.total);
  const go = (to) => { offset = to; render(ctx, true); };
  box.replaceChildren(
    el("button", { type: "button", disabled: offset === 0, onclick: () => go(Math.max(0, offset - PAGE)) }, "Previous"),
    el("span", { "data-range": "", text: page.total ? `${offset + 1}–${last} of ${page.total}` : "none" }),
    el("button", { type: "button", disabled: last >= page.total, onclick: () => go(offset + PAGE) }, "Next"));
}

export async function render(ctx, keepOffset = false) {
  section.dataset.state = "loading";
  const key = query(ctx.filters);
  if (!keepOffset && key !== lastKey) offset = 0;
  lastKey = key;
  const [counts, page] = await Promise.all([
    get(`/api/aggregates/types${key}`),
    get(`/api/search/events${query(ctx.filters, { limit: PAGE, offset })}`),
  ]);
  typeButtons(counts, ctx);
  section.querySelector("[data-total]").textContent = `${counts.total} merged events`;
  section.querySelector("[data-body]").replaceChildren(table(page));
  pager(page, ctx);
  for (const a of section.querySelectorAll("[data-download]")) {
    a.href = `/api/search/events/download${query(ctx.filters, { format: a.dataset.download })}`;
  }
  ctx.setStatus(`${counts.total} merged events match the filters.`);
  section.dataset.state = "ready";
}
