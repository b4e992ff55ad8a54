# dossier: build, preview and test a briefing dossier.
GO ?= go
PORT ?= 8080

.PHONY: build serve test check bench bench-go fuzz lint clean

## build: build the sample dossier into site/
build:
	$(GO) run ./cmd/dossier build

## serve: build, serve on http://127.0.0.1:$(PORT)/ and rebuild + live-reload on every change
serve:
	$(GO) run ./cmd/dossier serve -port $(PORT)

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
	$(GO) test -run='^$$' -fuzz=FuzzParse -fuzztime=$(FUZZTIME) ./internal/edtf
	$(GO) test -run='^$$' -fuzz=FuzzWikilink -fuzztime=$(FUZZTIME) ./internal/markdown
	$(GO) test -run='^$$' -fuzz=FuzzParseFile -fuzztime=$(FUZZTIME) ./internal/content

## lint: lint the GitHub Pages workflows (this repository's and the one dossier init writes) with actionlint
lint:
	$(GO) run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 .github/workflows/pages.yml cmd/dossier/skeleton/.github/workflows/pages.yml

## clean: remove build output
clean:
	rm -rf site bench.out
