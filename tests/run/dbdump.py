"""Everything a database holds, as plain data, to compare two ingests of the same inputs."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from wirecoder.store import Store
from wirecoder.store.schema import ArticleRow


def dump(url: str) -> dict:
    with Store(url) as store:
        with Session(store.engine) as s:
            rows = s.execute(select(ArticleRow.id, ArticleRow.story_id, ArticleRow.origin)
                             .order_by(ArticleRow.pk)).all()
        events, _ = store.query_events(limit=None)
        stories, _ = store.query_stories(limit=None)
        return {
            "articles": [tuple(r) for r in rows],  # order of writing, story, origin
            "extractions": {r.id: store.get_extraction(r.id).to_json_dict() for r in rows},
            "merged_events": events,
            "stories": stories,
            "stats": store.stats(),
        }
