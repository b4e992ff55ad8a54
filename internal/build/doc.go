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
//     which paths changed reads only those. A parse does not keep its
//     Markdown: it is set aside in the Builder's spool (a temporary file
//     with no name, package spool) and read back when its page is rendered,
//     and the page's line table keeps only the lines that are not ASCII,
//     which positions need (diag.Lines.Sparse).
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
//     /print/ is assembled from the bodies already rendered (spooled to
//     another such file), its headings shifted and IDs prefixed, not
//     rendered again.
//
// Incremental and full builds therefore give the same bytes by
// construction: a kept output has the same key, and so the same inputs,
// as the output it keeps. The same input always gives byte-identical
// output: nothing depends on map order, the clock or randomness.
//
// # What a rebuild reuses
//
// A Builder (one per dossier build, one for a whole dossier serve
// session) reuses what cannot have changed, and only that:
//
//   - parses, by path and SHA-256 of the file's bytes; in the cache folder
//     the parse pack carries them to the next process (parsepack.go);
//   - page memos: for each page, the key of its last view and the
//     versions (xref.Node.Version) of every page that view showed, or of
//     its card alone when it showed only the card, so a view is made
//     again only when one of them changed; a page that shows
//     the whole dossier (home, lists, tags, chronology, print) rests on
//     the version of the whole (memo.go); the memo pack carries them to
//     the next dossier build (memopack.go);
//   - highlighted code, in memory and in a checksummed pack on disk;
//   - the last graph: a page whose parse, the names of every page and
//     the bodies of the pages it referenced are unchanged takes its
//     resolution from it (xref's Options.Last), in one process;
//   - the last result: a save that changed no content file's bytes makes
//     no build at all;
//   - the whole site folder, before anything is parsed: its manifest
//     records the key of every file the build that made it read, with
//     what that build reported, and a build that reads the same files
//     (and options and dates) keeps the site and reports the same
//     (sameinputs.go);
//   - the whole site folder, after resolution: its manifest records the
//     key of everything the site was made from (the whole dossier's version, the static
//     files, the dates of change, the options: Builder.siteKey), and a
//     dossier build with the same key whose site files are all as the
//     manifest describes keeps them all without making a view or a page.
//
// Every pack is checksummed whole and trusted only by the binary that
// wrote it (its Go build ID), so a damaged or foreign pack costs its
// reuse, never a wrong page. A memo only spares making a view: whether a
// file is written is still decided by its key against the last build's.
//
// # Where this departs from DESIGN.md
//
// The stages of DESIGN.md §4 are kept, with packages it does not name:
// dossierfs (every read through os.Root), vocab (the one vocabulary),
// check (dossier-wide checks), view (narrow views and their keys),
// highlight, search, actorgraph, urls and yamlfile. A markdown.Doc keeps
// no goldmark AST: a body is parsed again when its page is rendered
// (a quarter of the time rendering it takes, highlighting included, in
// a cold build of 10,000 briefs), which keeps a 10,000-brief dossier's
// parses small enough to hold and to pack. The preview is served from
// layered folders on disk rather than a bounded in-memory cache.
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
//     time. The old site is moved into the cache folder as the site's
//     spare, and the next build writes into it rather than into an empty
//     folder: its folders are there, and most of its files are already
//     the live site's (see spare.go). Temporary
//     folders of builds that were killed are removed by the next build.
//     Folders are 0755 and files 0644.
//   - Preview: the private folder of dossier serve. Each build writes only
//     the outputs that changed, into a folder of its own (a layer); a
//     Generation maps every path of the site to the layer that holds it,
//     and is what the preview server serves, so a response never mixes
//     two builds. Costly outputs (/print/, the search index) are produced
//     when first asked for, and so are the pages of the whole dossier
//     (home, lists, tags, chronology) while the templates stay those of
//     the last build: an edit makes before its reload only the pages
//     that show the edited page. After such an edit the search index's
//     files are not even listed until one is asked for (a lazyGroup):
//     listing them takes every page's text, thousands of files at 10,000
//     briefs, and was an eighth of an edit's rebuild. The listing reads
//     only that build's graph and the texts of the last listing the
//     Builder made, never state a later build changes. Files that no
//     generation in use needs are removed.
//   - Nowhere: dossier check: everything is produced (so template errors
//     show) and nothing is written.
package build
