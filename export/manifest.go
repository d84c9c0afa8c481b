package export

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Manifest describes one run for manifest.json: what made the outputs,
// from what and how, so that a reader can check the inputs and rerun
// it. It holds no time stamps, so that a rerun with the same inputs and
// arguments writes the same bytes.
type Manifest struct {
	// Tool and Version name the program, such as "coauthor" and "0.1.0".
	Tool    string `json:"tool"`
	Version string `json:"version"`

	// Args are the command-line arguments after the program name, as
	// given.
	Args []string `json:"args"`

	// Parameters are every setting of the run, defaults included, in the
	// order given (the command's flags in name order, for instance).
	Parameters []Parameter `json:"parameters"`

	// Inputs are the input files in the order given.
	Inputs []Input `json:"inputs"`

	// Outputs are the names of the files written, in the order written.
	Outputs []string `json:"outputs"`
}

// Parameter is one setting of a run, its value as text.
type Parameter struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Input is an input file: its path as given, its size in bytes and the
// hex SHA-256 of its bytes as stored (a .gz file's compressed bytes).
// Standard input ("-") has no size or hash: Size is -1 and SHA256 "".
type Input struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// HashFile returns the hex SHA-256 of the file at path and its size.
func HashFile(path string) (string, int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, fmt.Errorf("hash %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

// WriteManifest writes m as indented JSON (two spaces) with a final
// newline, the fields in the order of [Manifest]. Nil lists are written
// as [], and <, > and & are written as themselves.
func WriteManifest(w io.Writer, m Manifest) error {
	if m.Args == nil {
		m.Args = []string{}
	}
	if m.Parameters == nil {
		m.Parameters = []Parameter{}
	}
	if m.Inputs == nil {
		m.Inputs = []Input{}
	}
	if m.Outputs == nil {
		m.Outputs = []string{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(m)
}
