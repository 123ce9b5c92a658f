package parse

import (
	"docgen/catalog"
)

// posIndex turns byte offsets of a source into positions in time independent of the
// length of the line. Source.Pos counts the runes from the start of the line on every
// call, which is quadratic for the many positions of one long line: minified HTML is a
// single line, and a hostile scraped file can be one too. posIndex counts rune starts
// (bytes that do not continue a UTF-8 sequence; the text is valid UTF-8) once, keeping
// the count at every posStride-th byte, so a position costs a binary search for the line
// and at most posStride bytes of counting. Its positions equal Source.Pos's.
type posIndex struct {
	src    *Source
	starts []int32 // starts[k]: rune starts in src.Text[:k*posStride]
}

const posStride = 64

func newPosIndex(src *Source) *posIndex {
	ix := &posIndex{src: src, starts: make([]int32, len(src.Text)/posStride+1)}
	n := int32(0)
	for i, b := range src.Text {
		if i%posStride == 0 {
			ix.starts[i/posStride] = n
		}
		if b&0xC0 != 0x80 {
			n++
		}
	}
	if len(src.Text)%posStride == 0 {
		ix.starts[len(src.Text)/posStride] = n
	}
	return ix
}

// runesBefore returns the number of runes that start before byte offset off.
func (ix *posIndex) runesBefore(off int) int {
	k := off / posStride
	n := int(ix.starts[k])
	for _, b := range ix.src.Text[k*posStride : off] {
		if b&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

// pos returns the position of byte offset off, clamped to the text.
func (ix *posIndex) pos(off int) catalog.Pos {
	off = min(max(off, 0), len(ix.src.Text))
	i := ix.src.lineOf(off)
	col := ix.runesBefore(off) - ix.runesBefore(int(ix.src.lines[i])) + 1
	return catalog.Pos{File: ix.src.Path, Line: i + 1, Col: col}
}

// split splits one pipe-table row into cells as splitRow does, with positions from ix, so
// that a long line costs time linear in its length.
func (ix *posIndex) split(line []byte, lineOff int) []cell {
	return splitCells(ix.src, line, lineOff, ix.pos)
}
