package export

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/coauthor/coauthor/internal/gvcache"
)

// TestGraphvizCache checks that the renderer initialised with its cache
// in the user's private directory, and that TMPDIR was put back.
func TestGraphvizCache(t *testing.T) {
	d := gvcache.Dir()
	if d == "" {
		t.Skip("no private cache directory could be made here")
	}
	if _, err := os.Stat(filepath.Join(d, "go-graphviz")); err != nil {
		t.Errorf("the renderer's cache is not in %s: %v", d, err)
	}
	if os.Getenv("TMPDIR") == d {
		t.Errorf("TMPDIR still points at the renderer's cache %s", d)
	}
}
