# One entry point for the checks. CI runs `.ci/run` (the README's test command).
.PHONY: test lint bench example

test:
	python -m pytest

lint:
	ruff check communique tests benchmarks
	ruff format --check communique tests benchmarks

bench:
	python -m benchmarks

example:
	communique run examples/corpus --db example.duckdb
