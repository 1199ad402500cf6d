"""Ways to look at a stored corpus: terminal tables, timelines, HTML report, web app."""
