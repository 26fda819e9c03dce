# The two quick-start commands: `make demo` and `make test`.  Each sets up what it needs.
VENV ?= .venv
SAMPLE = src/frontlines/samples/isis-squeezed-2017-11-03.txt

.PHONY: demo test test-long score score-extra clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed  ## extract the sample article: a summary on screen, the JSON in report.json
	$(VENV)/bin/frontlines extract $(SAMPLE) --date 2017-11-03 --out report.json
	@echo "(the full JSON report is in report.json)"

test: $(VENV)/.installed  ## the whole test suite
	$(VENV)/bin/python -m pytest

test-long: $(VENV)/.installed  ## the slow tests: a 2 MB article parsed in pieces
	$(VENV)/bin/python -m pytest -m slow

score: $(VENV)/.installed  ## accuracy on the annotated articles in ../shared/eval/dev
	python3 ../shared/eval/score.py ../shared/eval/dev --cmd '$(VENV)/bin/frontlines extract --date {published} {text}'

score-extra: $(VENV)/.installed  ## accuracy on the extra annotated articles in eval/extra
	python3 ../shared/eval/score.py eval/extra --cmd '$(VENV)/bin/frontlines extract --date {published} {text}'

clean:
	rm -rf $(VENV) report.json
