package corpus

// maxLine is the longest line a line-based reader accepts. A longer line
// is refused with an error rather than read into memory whole.
const maxLine = 16 << 20
