package corpus

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
)

// The orcid format is a researcher's list of works from the ORCID API
// 3.0, in XML or JSON: a single work (/work/{put-code}), the works
// summary (/works), a whole record (/record) or a bulk list of works.
//
// Each work gives its title, publication-date, journal-title,
// external-ids (a "doi" id, preferring relationship "self", and an
// "arxiv" id) and, in full works, its contributors: credit-name,
// contributor-orcid (as "orcid:" id) and role. Contributors whose role is
// editor or chair-or-translator are not authors.
//
// A work summary has no contributors, and many full works have none.
// Such a work has one known author, the owner of the record: the paper
// gets Truncated and the owner as an Inferred author, named by the
// record's person name or, when the file has none, by the ORCID iD
// (from orcid-identifier or the work's path). [Result.Owner] is that
// name. A work whose owner cannot be found (a bulk file) is kept with no
// authors and counted in a warning.
//
// In the works summary each group holds the versions of one work from
// different sources; the first is read and the others are dropped.
//
// The file is read whole into memory: ORCID answers are one record.
// A malformed file is an error in strict mode; in lenient mode the works
// read before the error of an XML file are kept.

func init() {
	register(format{
		name:  "orcid",
		exts:  nil,
		sniff: sniffORCID,
		read:  readORCID,
	})
}

func sniffORCID(head []byte) bool {
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 {
		return false
	}
	if t[0] == '<' {
		return bytes.Contains(head, []byte("http://www.orcid.org/ns/"))
	}
	if t[0] != '{' {
		return false
	}
	for _, k := range []string{`"orcid-identifier"`, `"work-summary"`, `"put-code"`, `"external-id-type"`} {
		if bytes.Contains(head, []byte(k)) {
			return true
		}
	}
	return false
}

// orcidNode is an element of an XML file or a value of a JSON file, so
// that both are walked by the same code. XML attributes and JSON scalar
// members are both attrs; a JSON array gives one kid per element.
type orcidNode struct {
	name  string
	attrs map[string]string
	text  string
	kids  []*orcidNode
}

// kid returns the first child with the given name, or nil.
func (n *orcidNode) kid(name string) *orcidNode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// value returns the text at the end of a path of child names; JSON's
// {"value": x} wrappers and attributes are looked through.
func (n *orcidNode) value(path ...string) string {
	for i, p := range path {
		if n == nil {
			return ""
		}
		if i == len(path)-1 && n.kid(p) == nil {
			return strings.TrimSpace(n.attrs[p])
		}
		n = n.kid(p)
	}
	if n == nil {
		return ""
	}
	if v := n.kid("value"); v != nil {
		n = v
	}
	if n.text == "" && n.attrs["value"] != "" {
		return strings.TrimSpace(n.attrs["value"])
	}
	return strings.TrimSpace(n.text)
}

func readORCID(r io.Reader, name string, opt *Options) (*Result, error) {
	// TODO: a bulk file of many thousand works is read whole; stream the
	// "bulk" array as the OpenAlex reader streams "results" if such files
	// appear.
	data, err := io.ReadAll(io.LimitReader(r, maxLine+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxLine {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: an ORCID file larger than %d bytes", ErrLimit, maxLine)}
	}
	res := &Result{}
	var root *orcidNode
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(t) > 0 && t[0] == '<' {
		var perr *ParseError
		root, perr = orcidParseXML(data, name)
		if perr != nil {
			if err := res.skip(opt, perr); err != nil {
				return nil, err
			}
		}
	} else {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			return nil, &ParseError{File: name, Reason: "malformed JSON", Err: err}
		}
		root = orcidFromJSON("", v)
	}
	orcidCollect(res, root, name)
	return res, nil
}

// orcidParseXML builds the element tree of an XML file, by local names.
// After a syntax error the tree read so far is returned with the error.
func orcidParseXML(data []byte, name string) (*orcidNode, *ParseError) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = dblpCharsetReader
	root := &orcidNode{}
	stack := []*orcidNode{root}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return root, &ParseError{File: name, Line: line, Reason: "malformed XML", Err: dblpXMLCause(err)}
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &orcidNode{name: t.Name.Local, attrs: map[string]string{}}
			for _, a := range t.Attr {
				n.attrs[a.Name.Local] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(t)
		}
	}
	return root, nil
}

// orcidFromJSON turns a decoded JSON value into a node.
func orcidFromJSON(name string, v any) *orcidNode {
	n := &orcidNode{name: name, attrs: map[string]string{}}
	switch v := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			switch x := v[k].(type) {
			case map[string]any:
				n.kids = append(n.kids, orcidFromJSON(k, x))
			case []any:
				for _, e := range x {
					n.kids = append(n.kids, orcidFromJSON(k, e))
				}
			case nil:
			default:
				n.attrs[k] = fmt.Sprint(x)
			}
		}
	case nil:
	default:
		n.text = fmt.Sprint(v)
	}
	return n
}

// orcidCollect finds the owner and the works of a file.
func orcidCollect(res *Result, root *orcidNode, name string) {
	var ownerID, ownerName string
	var works []*orcidNode
	var walk func(n *orcidNode)
	walk = func(n *orcidNode) {
		switch n.name {
		case "orcid-identifier":
			if ownerID == "" {
				ownerID = webORCID(n.value("path"))
			}
			return
		case "person":
			if ownerName == "" {
				ownerName = orcidPersonName(n.kid("name"))
			}
			return
		case "work", "work-summary":
			works = append(works, n)
			return
		case "group":
			// Versions of one work from several sources: the first.
			if w := n.kid("work-summary"); w != nil {
				works = append(works, w)
				return
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(root)
	if len(works) == 0 && root.kid("title") != nil && root.kid("external-ids") != nil {
		works = append(works, root) // a single work in JSON
	}
	if ownerID == "" {
		for _, n := range append([]*orcidNode{root}, root.kids...) {
			if id := webORCID(n.attrs["path"]); id != "" {
				ownerID = id
				break
			}
		}
	}
	ids := map[string]int{}
	unowned := 0
	for i, w := range works {
		p := orcidWork(w, name, i+1)
		if len(p.Authors) == 0 {
			owner, id := ownerName, ownerID
			if id == "" {
				id = webORCID(w.attrs["path"])
			}
			if owner == "" {
				owner = id
			}
			p.Truncated = true
			if owner != "" {
				a := Author{Name: owner, Inferred: true}
				if id != "" {
					a.IDs = []string{"orcid:" + id}
				}
				p.Authors = append(p.Authors, a)
				if res.Owner == "" {
					res.Owner = owner
				}
			} else {
				unowned++
			}
		}
		p.ID = webUniqueID(ids, p.ID)
		res.Papers = append(res.Papers, p)
	}
	if res.Owner == "" {
		res.Owner = ownerName
	}
	if unowned > 0 {
		res.warnf("%s: %d works have no contributors and the file does not name its owner; kept without authors", name, unowned)
	}
}

// orcidPersonName returns the credit name, or given and family names.
func orcidPersonName(n *orcidNode) string {
	if c := n.value("credit-name"); c != "" {
		return webCollapse(c)
	}
	return webCollapse(n.value("given-names") + " " + n.value("family-name"))
}

// orcidWork turns a work or work-summary into a paper.
func orcidWork(w *orcidNode, name string, rec int) Paper {
	p := Paper{
		Title:  webCollapse(w.value("title", "title")),
		Venue:  webCollapse(w.value("journal-title")),
		Origin: Origin{File: name, Record: rec},
	}
	pd := w.kid("publication-date")
	p.Date = webParseDate(pd.value("year"))
	if p.Date.Year != 0 {
		p.Date = webParseDate(fmt.Sprintf("%s-%s-%s", pd.value("year"), pd.value("month"), pd.value("day")))
	}
	doiSelf := false
	for _, x := range w.kid("external-ids").kidsNamed("external-id") {
		v, self := x.value("external-id-value"), x.value("external-id-relationship") == "self"
		switch strings.ToLower(x.value("external-id-type")) {
		case "doi":
			if d := NormalizeDOI(v); d != "" && (p.DOI == "" || self && !doiSelf) {
				p.DOI, doiSelf = d, self
			}
		case "arxiv":
			if p.ArXiv == "" {
				p.ArXiv = arxivID(v)
			}
		}
	}
	for _, c := range w.kid("contributors").kidsNamed("contributor") {
		role := c.value("contributor-attributes", "contributor-role")
		if role == "editor" || role == "chair-or-translator" {
			continue
		}
		a := Author{Name: webCollapse(c.value("credit-name"))}
		if id := webORCID(c.value("contributor-orcid", "path")); id != "" {
			a.IDs = []string{"orcid:" + id}
		}
		if a.Name != "" {
			p.Authors = append(p.Authors, a)
		}
	}
	p.ID = w.attrs["put-code"]
	if p.ID == "" {
		p.ID = fmt.Sprintf("orcid%d", rec)
	}
	return p
}

// kidsNamed returns the children with the given name.
func (n *orcidNode) kidsNamed(name string) []*orcidNode {
	if n == nil {
		return nil
	}
	var out []*orcidNode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}
