package search

import "fmt"

// Sizes of the files, in bytes of indexed text.
const (
	// shardText is the text per term shard. A shard's entries take
	// two thirds of the text they index, or so: about 650 KB (200 KB
	// gzipped) a shard.
	shardText = 1 << 20
	// maxShards bounds the term shards of a very large dossier.
	maxShards = 256
	// blockText is the text per document block: the browser fetches the
	// block of each result it shows, twenty at a time, so a block holds
	// a few pages.
	blockText = 8 << 10
)

// Plan is the files of an index. It depends on the documents' sizes only,
// so it is cheap: the files can be listed before the index is built.
type Plan struct {
	// Shards is the number of term shard files (some may be empty).
	Shards int
	// Blocks holds the first document of each document block.
	Blocks []int
	docs   int
}

// PlanFor plans the files of docs' index.
func PlanFor(docs []Doc) Plan {
	p := Plan{docs: len(docs)}
	total, inBlock := 0, 0
	for i := range docs {
		n := docs[i].size()
		if i == 0 || inBlock+n > blockText && inBlock > 0 {
			p.Blocks = append(p.Blocks, i)
			inBlock = 0
		}
		inBlock += n
		total += n
	}
	p.Shards = min(max(1, (total+shardText-1)/shardText), maxShards)
	return p
}

// Block returns the documents of block k: docs[from:to].
func (p Plan) Block(k int) (from, to int) {
	if k+1 < len(p.Blocks) {
		return p.Blocks[k], p.Blocks[k+1]
	}
	return p.Blocks[k], p.docs
}

// Files lists the index's file names: the manifest, the term shards, the
// document blocks.
func (p Plan) Files() []string {
	out := []string{ManifestFile}
	for k := range p.Shards {
		out = append(out, ShardFile(k))
	}
	for k := range p.Blocks {
		out = append(out, BlockFile(k))
	}
	return out
}

// ManifestFile is the name of the manifest.
const ManifestFile = "index.json"

// ShardFile is the name of term shard k.
func ShardFile(k int) string { return fmt.Sprintf("terms-%03d.json", k) }

// BlockFile is the name of document block k.
func BlockFile(k int) string { return fmt.Sprintf("docs-%04d.json", k) }
