//go:build !unix

package export

import "errors"

var errNoSpecial = errors.New("not supported on this system")

// mkfifo reports that this system has no named pipes.
func mkfifo(string) error { return errNoSpecial }

// mknull reports that this system has no device files to make.
func mknull(string) error { return errNoSpecial }

// mkfull reports that this system has no device files to make.
func mkfull(string) error { return errNoSpecial }
