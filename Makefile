# The two quick-start commands: `make demo` and `make test`.  Each sets up what it needs.
VENV ?= .venv
SAMPLE = src/frontlines/samples/isis-squeezed-2017-11-03.txt

.PHONY: demo test test-long score score-extra accuracy train clean chromium lock

# Installed with the exact versions of constraints.txt, the ones the tests passed with.  The
# sources are compiled to bytecode at once, as a wheel install does: where PYTHONDONTWRITEBYTECODE
# is set (many containers), every run would otherwise compile them again before the first document.
$(VENV)/.installed: pyproject.toml constraints.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -c constraints.txt -e '.[test]'
	$(VENV)/bin/python -m compileall -q src
	touch $@

# Refresh constraints.txt: install the newest versions pyproject.toml allows in a fresh venv, run
# the whole test suite there, and write their versions only if it passes.
LOCK_VENV = .venv-lock
lock:  ## refresh constraints.txt (the newest allowed versions, kept only if the tests pass)
	rm -rf $(LOCK_VENV)
	python3 -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet --upgrade pip
	$(LOCK_VENV)/bin/pip install --quiet -e '.[test]'
	$(LOCK_VENV)/bin/python -m pytest -q
	{ sed -n '/^#/p' constraints.txt; $(LOCK_VENV)/bin/pip freeze --exclude-editable | grep -v '^#'; } > constraints.new
	mv constraints.new constraints.txt
	rm -rf $(LOCK_VENV)
	@echo "constraints.txt refreshed; run 'make clean test' to install from it"

demo: $(VENV)/.installed  ## extract the sample article: a summary on screen, the JSON in report.json
	@$(VENV)/bin/python -m compileall -q src  # sources changed since the install (a git pull): their bytecode
	$(VENV)/bin/frontlines extract $(SAMPLE) --date 2017-11-03 --out report.json
	@echo "(the full JSON report is in report.json)"

test: $(VENV)/.installed chromium  ## the whole test suite (the browser tests need Chromium: installed here when possible)
	@$(VENV)/bin/python -m compileall -q src
	$(VENV)/bin/python -m pytest

# Debian's Chromium for the browser tests (Playwright cannot download its own browsers here).
# Installed as root, or with sudo when it asks no password; otherwise the browser tests are
# skipped and the test summary says why.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
	  || echo "make: could not install chromium; the browser tests will be skipped"; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo apt-get update -qq \
	  && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
	  || echo "make: could not install chromium; the browser tests will be skipped"; \
	else echo "make: chromium is missing and cannot be installed here (not root, no sudo); the browser tests will be skipped"; fi

test-long: $(VENV)/.installed  ## the slow tests: a 2 MB article parsed in pieces
	$(VENV)/bin/python -m pytest -m slow

score: $(VENV)/.installed  ## accuracy on the annotated articles in ../shared/eval/dev
	python3 ../shared/eval/score.py ../shared/eval/dev --cmd '$(VENV)/bin/frontlines extract --date {published} {text}'

score-extra: $(VENV)/.installed  ## accuracy on the extra annotated articles in eval/extra
	python3 ../shared/eval/score.py eval/extra --cmd '$(VENV)/bin/frontlines extract --date {published} {text}'

accuracy: $(VENV)/.installed  ## score every annotated set and rewrite the README's accuracy table (a few minutes)
	$(VENV)/bin/python eval/accuracy.py

train: $(VENV)/.installed  ## retrain the event classifier from training/data, with 5-fold CV on the shared snippets (CPU, ~20 min)
	$(VENV)/bin/python -m training.events --cv
	$(VENV)/bin/python eval/accuracy.py

clean:
	rm -rf $(VENV) report.json
