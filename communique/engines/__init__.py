"""Engines run the per-article stages over a stream of articles: `local` (this machine's
processes) and `ray` (a Ray cluster). Both yield ArticleResults in input order."""
