package export

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func testManifest() Manifest {
	return Manifest{
		Tool:    "coauthor",
		Version: "0.1.0",
		Args:    []string{"report", "--seed", "42", "-o", "out dir", `papers "1" & <2>.bib`},
		Parameters: []Parameter{
			{"counting", "full"}, {"max-authors", "50"}, {"resolution", "1"}, {"seed", "42"},
		},
		Inputs: []Input{
			{Path: `papers "1" & <2>.bib`, Size: 3,
				SHA256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
			{Path: "-", Size: -1},
		},
		Outputs: []string{"graph.dot", "report.html", "manifest.json"},
	}
}

func TestWriteManifest(t *testing.T) {
	var buf bytes.Buffer
	m := testManifest()
	if err := WriteManifest(&buf, m); err != nil {
		t.Fatal(err)
	}
	golden(t, "manifest.json", buf.Bytes())

	var back Manifest
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatalf("manifest is not JSON: %v", err)
	}
	if !reflect.DeepEqual(back, m) {
		t.Errorf("manifest read back = %+v, want %+v", back, m)
	}
}

func TestWriteManifestEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteManifest(&buf, Manifest{Tool: "coauthor"}); err != nil {
		t.Fatal(err)
	}
	want := `{
  "tool": "coauthor",
  "version": "",
  "args": [],
  "parameters": [],
  "inputs": [],
  "outputs": []
}
`
	if got := buf.String(); got != want {
		t.Errorf("WriteManifest(empty) =\n%s\nwant\n%s", got, want)
	}
}

func TestHashFile(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string
		want    string
	}{
		// SHA-256 of "abc" and of "" from FIPS 180-2 (appendix B.1) and
		// `sha256sum /dev/null`.
		{"abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
	}
	for _, test := range tests {
		t.Run(test.name, func(t *testing.T) {
			path := filepath.Join(dir, test.name)
			if err := os.WriteFile(path, []byte(test.content), 0o644); err != nil {
				t.Fatal(err)
			}
			sum, size, err := HashFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if sum != test.want || size != int64(len(test.content)) {
				t.Errorf("HashFile = %s, %d, want %s, %d", sum, size, test.want, len(test.content))
			}
		})
	}
	if _, _, err := HashFile(filepath.Join(dir, "missing")); err == nil {
		t.Errorf("HashFile of a missing file gave no error")
	}
}
