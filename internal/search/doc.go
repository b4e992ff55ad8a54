// Package search makes a dossier's full-text search index: files that
// the browser reads with MiniSearch 7.2.0 (vendored in
// static/vendor/minisearch) through static/search-index.js. It knows
// nothing of pages or sites: it indexes Docs.
//
// # Terms
//
// A field's terms are the runs of letters and digits of its folded text.
// Folding is Unicode compatibility decomposition (NFKD), then removal of
// combining marks, then lower case, with final sigma as sigma: "Pyöngyang",
// "PYONGYANG" and "pyongyang" are one term, and so are "ﬁle" and "file".
// static/search-index.js folds and splits the reader's query the same way
// (String.normalize("NFKD"), /\p{M}/u, toLowerCase, /[^\p{L}\p{N}]+/u); the
// browser test in cmd/dossier checks that MiniSearch, given that tokenizer
// and the documents, makes exactly the index this package makes.
//
// # Fields
//
// Each Doc has five fields, with these MiniSearch field ids: title 0,
// aliases 1, tags 2, summary 3, text 4. The browser weights them (titles
// and aliases first); the index only counts.
//
// # Files
//
// Plan decides the files from the documents' sizes alone, before any
// text is tokenized, so a preview can list them and make each on request:
//
//	index.json      the manifest (below)
//	terms-NNN.json  term shards, NNN from 000
//	docs-NNNN.json  document blocks, NNNN from 0000
//
// The manifest is a JSON object:
//
//	format      1, the version of this layout
//	minisearch  "7.2.0", the MiniSearch release the files were made for
//	version     a name of this build's documents, which the caller gives
//	head        MiniSearch's serialization (what MiniSearch#toJSON returns,
//	            serializationVersion 2) without its "index" member:
//	            documentCount, nextId, documentIds, fieldIds, fieldLength,
//	            averageFieldLength, storedFields ({}), dirtCount (0). Short
//	            document id i is document i, and its id is i too.
//	shards      the first term of each term shard: shard k holds every term
//	            t with shards[k] <= t < shards[k+1], comparing strings by
//	            UTF-16 code units as JavaScript does; shards[0] is "".
//	docs        the first document of each block: block k holds documents
//	            docs[k] up to docs[k+1].
//
// Shard k is the file terms-KKK.json and block k docs-KKKK.json, k in
// decimal with at least three and four digits. A browser asks for them
// with "?v=" and the version, so that it never mixes files of two builds
// from its cache.
//
// A term shard is the "index" member of MiniSearch's serialization for
// its terms, in order: [[term, {fieldId: {shortId: frequency}}], ...].
// The head with a shard as its "index" is a MiniSearch serialization of
// every document, restricted to the shard's terms, which MiniSearch.loadJSON
// reads; since every shard carries the dossier-wide document count and field
// lengths, its scores are those of the whole index.
//
// A document block is a JSON array of {title, url, kind, summary,
// aliases, tags, text}, one per document: what the browser shows of a
// result (its title, kind and a snippet of its text).
//
// # Determinism
//
// The same Docs give the same bytes: terms are sorted, maps are never
// iterated into output, and numbers are formatted by strconv.
package search
