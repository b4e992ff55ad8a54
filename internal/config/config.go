// Package config reads dossier.yaml, the site settings at a dossier's root.
//
// Keys: title (required), description, base_url (absolute http(s) URL,
// default "/"), language (BCP 47, default "en"), tlp (the site's default
// handling label, default TLP:CLEAR), publish_max_tlp (the highest label a
// publishing build lets through, default TLP:CLEAR), cname (custom domain
// for GitHub Pages), author. Unknown keys are warnings with a suggestion;
// wrong types and bad values are errors at their line and column.
package config

import (
	"errors"
	"io/fs"
	"net/url"
	"strconv"
	"strings"

	"github.com/dossier-project/dossier/internal/content"
	"github.com/dossier-project/dossier/internal/diag"
	"github.com/dossier-project/dossier/internal/yamlfile"
)

// File is the settings file's name at the dossier root.
const File = "dossier.yaml"

// Config is the site's settings.
type Config struct {
	Title         string          `yaml:"title"`
	Description   string          `yaml:"description"`
	BaseURL       yamlfile.Scalar `yaml:"base_url"`
	Language      string          `yaml:"language"`
	TLP           yamlfile.Scalar `yaml:"tlp" guard:"handling"`
	PublishMaxTLP yamlfile.Scalar `yaml:"publish_max_tlp" guard:"handling"`
	CNAME         string          `yaml:"cname"`
	Author        string          `yaml:"author"`
	LimitKeys     LimitKeys       `yaml:"limits"`

	limits content.Limits
}

// LimitKeys are the limits: keys of dossier.yaml, each optional.
type LimitKeys struct {
	// FileSize is the largest content file read: a number of bytes, or
	// with a unit, "10MB", "512KB".
	FileSize yamlfile.Scalar `yaml:"file_size"`
	// Nesting is the deepest list or blockquote nesting in a body.
	Nesting int `yaml:"nesting"`
	// Links is the most links in one body.
	Links int `yaml:"links"`
}

// Limits are the per-file limits of content: the defaults
// (content.DefaultLimits) with what dossier.yaml sets.
func (c *Config) Limits() content.Limits { return c.limits }

// Load reads dossier.yaml from fsys. A missing file is an error that says
// how to create one.
func Load(fsys fs.FS) (*Config, diag.List) {
	src, err := fs.ReadFile(fsys, File)
	if errors.Is(err, fs.ErrNotExist) {
		d := diag.Errorf(diag.Pos{File: File}, "no %s here: this folder is not a dossier", File)
		d.Suggestion = "run dossier init DIR to start one, or pass -src DIR"
		return nil, diag.List{d}
	}
	if err != nil {
		return nil, diag.List{diag.Errorf(diag.Pos{File: File}, "%v", err)}
	}
	return Parse(src)
}

// Parse decodes the contents of dossier.yaml and applies defaults.
func Parse(src []byte) (*Config, diag.List) {
	src, diags := content.Decode(File, src)
	if diags != nil {
		return nil, diags
	}
	cfg := &Config{}
	diags = yamlfile.Decode(File, src, 1, cfg)
	if diags.HasErrors() {
		return nil, diags
	}
	diags.Append(cfg.validate())
	if diags.HasErrors() {
		return nil, diags
	}
	return cfg, diags
}

func (c *Config) validate() diag.List {
	var diags diag.List
	if strings.TrimSpace(c.Title) == "" {
		d := diag.Errorf(diag.Pos{File: File, Line: 1, Col: 1}, "missing title: the dossier needs a title")
		d.Suggestion = `add title: "..."`
		diags.Add(d)
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.BaseURL.Value == "" {
		c.BaseURL.Value = "/"
	}
	if err := checkBaseURL(c.BaseURL.Value); err != "" {
		diags.Add(diag.Errorf(c.pos(c.BaseURL), "base_url %q %s", c.BaseURL.Value, err))
	}
	diags.Append(checkTLP("tlp", &c.TLP))
	diags.Append(checkTLP("publish_max_tlp", &c.PublishMaxTLP))
	diags.Append(c.setLimits())
	return diags
}

// setLimits applies the limits: keys over the defaults.
func (c *Config) setLimits() diag.List {
	c.limits = content.DefaultLimits()
	k := c.LimitKeys
	if k.Nesting > 0 {
		c.limits.Nesting = k.Nesting
	}
	if k.Links > 0 {
		c.limits.Links = k.Links
	}
	if k.FileSize.Value == "" {
		return nil
	}
	n, ok := parseSize(k.FileSize.Value)
	if !ok {
		d := diag.Errorf(c.pos(k.FileSize), "file_size %q is not a size", k.FileSize.Value)
		d.Suggestion = "write a number of bytes, or one with KB or MB: file_size: 20MB"
		return diag.List{d}
	}
	if n > content.MaxFileBytes {
		d := diag.Errorf(c.pos(k.FileSize), "file_size %q is over 1GB, the largest file dossier can read", k.FileSize.Value)
		d.Suggestion = "write at most file_size: 1024MB"
		return diag.List{d}
	}
	c.limits.FileBytes = n
	return nil
}

// parseSize reads "1048576", "512KB", "10MB" (units of 1024).
func parseSize(s string) (int64, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"B", 1}} {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	return n * mult, true
}

// checkTLP validates a TLP label and normalises its spelling; an absent
// label is TLP:CLEAR.
func checkTLP(key string, s *yamlfile.Scalar) diag.List {
	if strings.TrimSpace(s.Value) == "" {
		s.Value = "TLP:CLEAR"
		return nil
	}
	return content.CheckTLP(File, key, s)
}

func (c *Config) pos(s yamlfile.Scalar) diag.Pos {
	return diag.Pos{File: File, Line: int(s.Line), Col: int(s.Col)}
}

// checkBaseURL returns what is wrong with a base URL, or "".
func checkBaseURL(raw string) string {
	if raw == "/" {
		return ""
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return "is not a URL"
	case u.Scheme != "http" && u.Scheme != "https":
		return "must start with https:// (or http://)"
	case u.Host == "":
		return "has no host"
	case u.RawQuery != "" || u.Fragment != "":
		return "must not have a query or fragment"
	}
	return ""
}

// WithBaseURL returns a copy of c with base_url replaced (the -base-url
// flag). It validates the new value.
func (c *Config) WithBaseURL(raw string) (*Config, error) {
	if msg := checkBaseURL(raw); msg != "" {
		return nil, errors.New("-base-url " + raw + " " + msg)
	}
	out := *c
	out.BaseURL = yamlfile.Scalar{Value: raw}
	return &out, nil
}
