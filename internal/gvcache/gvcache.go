// Package gvcache gives the Graphviz renderer a compilation cache of the
// user's own.
//
// github.com/goccy/go-graphviz compiles Graphviz's WebAssembly when its
// package initialises and caches the result under os.TempDir(), in a
// directory of a fixed name shared by every user of the machine: when
// another user made it first, the program panics before main runs, and a
// cache that another user can write is not one to load code from. This
// package sets TMPDIR to a private directory before that happens, and
// [Restore] puts the variable back once the renderer has initialised.
//
// It works because Go initialises packages in the order of their import
// paths among those whose imports are ready: this package imports only
// packages that the renderer's package imports too, and its path sorts
// first ("github.com/coauthor" < "github.com/goccy"), so its init runs
// before the renderer's.
package gvcache

import (
	"os"
	"path/filepath"
	"strconv"
)

var (
	saved, hadTMPDIR = os.LookupEnv("TMPDIR")
	dir              string
)

func init() {
	if dir = privateDir(); dir != "" {
		os.Setenv("TMPDIR", dir)
	}
}

// Dir returns the private directory given to the renderer, "" when none
// could be made.
func Dir() string { return dir }

// privateDir returns a directory only this user can write, made if
// needed, or "" when none can be had (then the default applies).
func privateDir() string {
	var dirs []string
	if d, err := os.UserCacheDir(); err == nil {
		dirs = append(dirs, filepath.Join(d, "coauthor"))
	}
	dirs = append(dirs, filepath.Join(os.TempDir(), "coauthor-"+strconv.Itoa(os.Getuid())))
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o700); err != nil {
			continue
		}
		fi, err := os.Lstat(d)
		if err != nil || !fi.IsDir() || fi.Mode().Perm()&0o022 != 0 || !ownedByMe(fi) {
			continue
		}
		return d
	}
	return ""
}

// Restore sets TMPDIR back to what it was when the program started.
func Restore() {
	if hadTMPDIR {
		os.Setenv("TMPDIR", saved)
	} else {
		os.Unsetenv("TMPDIR")
	}
}
