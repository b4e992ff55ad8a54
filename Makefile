# dossier: build, preview and test a briefing dossier.
GO ?= go
PORT ?= 8080

.PHONY: build serve test check bench fuzz lint clean

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

## bench: benchmarks (build of the sample and of generated large dossiers)
bench:
	$(GO) test -run='^$$' -bench=. -benchmem -count=6 ./internal/... | tee bench.out

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
