//go:build unix

package export

import "syscall"

// mkfifo makes a named pipe at path.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o600) }

// mknull makes a character device at path with the numbers of Linux's
// null device, 1 and 3; only a privileged process may.
func mknull(path string) error { return syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|3) }

// mkfull makes a character device at path with the numbers of Linux's
// full device, 1 and 7, which fails every write for want of space; only a
// privileged process may.
func mkfull(path string) error { return syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|7) }
