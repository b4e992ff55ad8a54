// Package content loads a dossier's Markdown files into typed pages.
//
// A dossier's content lives under content/ and is read through an fs.FS
// rooted at the dossier, so tests can use fstest.MapFS. Each file is
// Markdown with YAML front matter between "---" lines at its very top. The
// folder gives the page's kind:
//
//	content/_index.md        home        bluf, key_question, key_judgments[], indicators[]
//	content/briefs/*.md      brief       date, bluf, actors[], events[], sources[], key_judgments[], indicators[]
//	content/actors/*.md      actor       kind, aliases[], wikidata, country, role, relations[]
//	content/events/*.md      event       date (required), date_text, reported, actors[], location, sources[]
//	content/commentary/*.md  commentary  analyst, date, confidence, judgments[], actors[], sources[]
//	content/sources/*.md     source      short_title, publisher, url, archive_url, published, accessed, reliability, credibility, chain[]
//
// Every page has title (required), slug (default: the file name without
// .md), summary, tags[], draft, tlp and updated (the exact day the page
// last changed in substance, for feeds and sitemaps). Subfolders inside a kind's folder
// are allowed and do not change the slug. A judgment is {text, likelihood,
// confidence, sources[]}, an indicator {text, status, sources[]}, a relation
// {to, type, since, until, sources[]}. A citation in sources[] is a string
// ("article" or "article#p4") or {source, credibility}.
//
// Loading reports, as positioned diagnostics: front-matter syntax and type
// errors at their line and column in the file (the front-matter offset is
// included), a missing title, a duplicate slug within a kind, files in
// unknown folders, an error for a key written in another case or with
// spaces around it ("TLP:", "Draft:": keys are case-sensitive, and the
// value meant for tlp or draft must not be ignored), and a warning with
// "did you mean" for each other unknown key.
// References (actors[], sources[], ...) are kept as positioned scalars and
// resolved by package xref. Loading is safe for concurrent use: it shares
// no state between calls.
package content
