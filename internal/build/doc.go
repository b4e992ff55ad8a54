// Package build turns a dossier into a site. It is the only package that
// writes the site to disk.
//
// # The flow
//
// A build runs five stages, each a plain function over the values the
// stage before produced, none writing into what an earlier stage made:
//
//  1. load: list content/, read each file through the dossier's os.Root
//     (package dossierfs) and parse it — front matter (content.Page) and
//     body (markdown.Doc), both immutable — in parallel. A Builder keeps
//     each file's parse by path and SHA-256 of its bytes; a rebuild told
//     which paths changed reads only those.
//  2. resolve: xref.Resolve makes a new graph of the parsed pages, with
//     its own table of link targets; mentions are memoised per body.
//  3. check: the dossier-wide checks (package check) over the graph.
//  4. views: package view makes each page's narrow view — plain data,
//     every URL and label decided — and nothing else reaches a template
//     but pure functions and declared site inputs (see layout).
//  5. render and write: every output of the site (pages, feeds, the
//     search index, static files) has a key — the SHA-256 of exactly the
//     data it is made of: a page's view, the files of its template set and
//     the data of each site input its templates call; a file's bytes. An
//     output whose key is the one recorded for its path last time is kept
//     as it is; any other is produced and written at once, in parallel up
//     to GOMAXPROCS, and forgotten: nothing holds the whole site in
//     memory. Markdown bodies are rendered only when their page is, code
//     blocks are highlighted through package highlight's caches, and
//     /print/ is assembled from the bodies already rendered (spooled to a
//     temporary file), its headings shifted and IDs prefixed, not
//     rendered again.
//
// Incremental and full builds therefore give the same bytes by
// construction: a kept output has the same key, and so the same inputs,
// as the output it keeps. The same input always gives byte-identical
// output: nothing depends on map order, the clock or randomness.
//
// # Where it writes
//
// A Dest says where outputs go:
//
//   - SiteDir: the site folder of dossier build. The build writes into a
//     new folder beside it and, once every output is written, swaps the
//     two in one step (see swap.go): at every instant the old site or the
//     new one is there in full, and a failed or killed build leaves the
//     old one. Outputs kept from the last build are hard links to its
//     files, which a manifest in the cache folder records by key, size and
//     time. Temporary folders of builds that were killed are removed by
//     the next build. Folders are 0755 and files 0644.
//   - Preview: the private folder of dossier serve. Each build writes only
//     the outputs that changed, into a folder of its own (a layer); a
//     Generation maps every path of the site to the layer that holds it,
//     and is what the preview server serves, so a response never mixes
//     two builds. Costly outputs (/print/, the search index) are produced
//     when first asked for. Files that no generation in use needs are
//     removed.
//   - Nowhere: dossier check: everything is produced (so template errors
//     show) and nothing is written.
package build
