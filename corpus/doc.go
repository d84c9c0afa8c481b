// Package corpus holds paper records, the readers of every input format,
// and author identity: the normalised key of a name, merging of spellings
// and aliases.
//
// # Readers
//
// [Read] opens a file (plain, gzip-compressed, or "-" for standard input),
// chooses its format from the extension or by sniffing the content, and
// returns the papers it holds in a [Result]. Every reader yields the same
// [Paper] record. A reader is strict by default: the first bad record
// stops it with a [*ParseError] naming the file, the line and what was
// expected. With [Options.Lenient] bad records are skipped and counted by
// reason in [Result.Skipped].
//
// # Identity
//
// [Key] maps a name as written to the key that decides identity: Unicode
// NFC, whitespace collapsed, case folded and diacritics removed.
// [ParseName] splits a name into given names, particle, family name and
// suffix. [Resolve] groups the authors of a corpus into people: by
// identifier, by key, by the same parsed name written another way, then
// by initials when exactly one full name fits; what it could not decide
// it reports as [Suspect] groups. [ReadAliases] reads the user's
// decisions. [Merge] folds the records of one paper read from several
// files into one, completing truncated author lists.
package corpus
