# dossier: build, preview and test a briefing dossier.
GO ?= go
PORT ?= 8080

.PHONY: build serve test check bench bench-go fuzz lint clean

## build: build the sample dossier into site/
build:
	$(GO) run ./cmd/dossier build

## serve: build, serve on http://127.0.0.1:$(PORT)/ and rebuild + live-reload on every change
# The command is compiled into bin/ first, with a word about it: the first
# compilation takes a minute or more, and go run would say nothing.
serve:
	@echo "compiling dossier into bin/dossier (the first time takes a minute or more)..."
	$(GO) build -o bin/dossier ./cmd/dossier
	@echo "starting bin/dossier serve -port $(PORT)"
	./bin/dossier serve -port $(PORT)

## test: the whole test suite with the race detector, plus gofmt and go vet
test:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

## check: check the sample dossier's content (links, dates, grades, handling)
check:
	$(GO) run ./cmd/dossier check

## bench: the performance table (cold and warm builds, memory, serve latency) on 1,000 and 10,000 generated briefs
bench:
	$(GO) run ./internal/tools/benchtable

## bench-go: the Go benchmarks of every stage (go test -bench), for benchstat
bench-go:
	$(GO) test -run='^$$' -bench=. -benchmem -benchtime=5x -count=6 -timeout=60m ./internal/... | tee bench.out

## fuzz: run each fuzz target for FUZZTIME (default 30s)
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./internal/edtf
	$(GO) test -run='^$$' -fuzz=FuzzCompare -fuzztime=$(FUZZTIME) ./internal/edtf
	$(GO) test -run='^$$' -fuzz=FuzzWikilink -fuzztime=$(FUZZTIME) ./internal/markdown
	$(GO) test -run='^$$' -fuzz=FuzzLinesSparse -fuzztime=$(FUZZTIME) ./internal/diag
	$(GO) test -run='^$$' -fuzz=FuzzParseFile -fuzztime=$(FUZZTIME) ./internal/content
	$(GO) test -run='^$$' -fuzz=FuzzNestingNeverUndercounts -fuzztime=$(FUZZTIME) ./internal/content
	$(GO) test -run='^$$' -fuzz=FuzzDecode -fuzztime=$(FUZZTIME) ./internal/yamlfile
	$(GO) test -run='^$$' -fuzz=FuzzDirectMatchesGoYAML -fuzztime=$(FUZZTIME) ./internal/yamlfile
	$(GO) test -run='^$$' -fuzz=FuzzUnified -fuzztime=$(FUZZTIME) ./internal/eject
	$(GO) test -run='^$$' -fuzz=FuzzTidyCitations -fuzztime=$(FUZZTIME) ./internal/build
	$(GO) test -run='^$$' -fuzz=FuzzLoad -fuzztime=$(FUZZTIME) ./internal/layout

## lint: lint the GitHub Pages workflows with actionlint: this repository's, the skeleton's, and the one dossier init writes from it
ACTIONLINT = $(GO) run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
lint:
	@tmp=$$(mktemp -d) && $(GO) run ./cmd/dossier init "$$tmp/dossier" >/dev/null && \
	$(ACTIONLINT) .github/workflows/pages.yml cmd/dossier/skeleton/.github/workflows/pages.yml "$$tmp/dossier/.github/workflows/pages.yml"; \
	status=$$?; rm -rf "$$tmp"; exit $$status

## clean: remove build output
clean:
	rm -rf site bin bench.out
