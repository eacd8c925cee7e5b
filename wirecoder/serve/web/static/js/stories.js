// Stories: groups of syndicated copies, largest first; a story shows its copies and the
// merged events they support, with how many articles and sources report each.
import { get } from "./api.js";
import { actorLabel, articleHref, el } from "./util.js";

const section = document.getElementById("stories");

async function allStories() {
  // Pages of 1000 (the API's largest); a very large database shows the first 5000 stories.
  const items = [];
  let url = "/api/stories?limit=1000";
  while (url && items.length < 5000) {
    const page = await get(url.replace(/^https?:\/\/[^/]+/, ""));
    items.push(...page.items);
    url = page.next;
  }
  return items.sort((a, b) => b.num_copies - a.num_copies || a.id - b.id);
}

async function storyBody(story) {
  const events = await get(`/api/events?story=${story.id}&limit=200`);
  return [
    el("h3", { text: story.title || `Story ${story.id}` }),
    // How many sources report each event is the store's num_sources (by source name, else URL host).
    el("p", { "data-summary": "", text: `${story.num_copies} copies; ${events.total} merged events` }),
    el("h4", { text: "Copies" }),
    el("ul", { "data-copies": "" }, story.articles.map((a) => el("li", {},
      el("a", { href: `#/article/${a.id}` }, a.title || a.id.slice(0, 12)),
      ` · ${[a.source || (a.url ? new URL(a.url).host : "source not given"), a.published].filter(Boolean).join(" · ")}`))),
    el("h4", { text: "Merged events" }),
    el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, ["Date", "Type", "Source", "Target", "Articles", "Sources", "Evidence"]
        .map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, events.items.map((e) => el("tr", { "data-event-id": e.id },
        el("td", { text: e.date || "–" }), el("td", { text: e.type }),
        el("td", { text: actorLabel(e.source) }), el("td", { text: actorLabel(e.target) }),
        el("td", { class: "num", "data-num-articles": "", text: e.num_articles }),
        el("td", { class: "num", "data-num-sources": "", text: e.num_sources }),
        el("td", {}, el("a", { href: articleHref(e.evidence) }, e.evidence.text.trim())))))))];
}

export async function render(id, ctx) {
  section.dataset.state = "loading";
  const stories = await allStories();
  const chosen = stories.find((s) => s.id === id) || stories[0];
  section.querySelector("[data-list]").replaceChildren(el("ul", { "aria-label": "Stories" }, stories.map((s) =>
    el("li", {}, el("a", { href: `#/stories/${s.id}`, "aria-current": s === chosen ? "true" : null, "data-story": s.id },
      `${s.title || "Story " + s.id} (${s.num_copies})`)))));
  const body = section.querySelector("[data-body]");
  body.replaceChildren(...(chosen ? await storyBody(chosen) : [el("p", { text: "No stories yet." })]));
  ctx.setStatus(`${stories.length} stories.`);
  section.dataset.state = "ready";
}
