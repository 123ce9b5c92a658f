package parse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads the lists of text copied out of a page or a document (HTML, PDF, HWP,
// Word): the marks that begin their items, and the outline that the marks and the lines'
// indentation make.
//
// Korean and Japanese documents choose their bullets from many marks, one per level: "□"
// or "■" before a section's title, "○" or "●" before its items, "▶", "-" or "·" before
// what is said of an item ("▶ 조치 : …"). Copying keeps the marks but often loses the
// indentation, so a line belongs under the item above it when it is indented deeper, or
// when its mark is one the document first used below that item's (the order in which a
// document first uses its marks is the order of its levels), or when it is a labelled
// line right under the item ("원인: …", "Fix: …"). An item's lines are written under its
// text as a Markdown list nested in it, as the Markdown reader gives a nested list, so
// that the interpreter reads a code's item and what is said of it the same way for both.
//
// A bulleted line that reads as a title, with no item of its mark beside it and something
// under it ("■ 인증 관련 오류" over its codes), is a section's heading, not a list of one.

// bulletMark is a mark copied text draws before a list item.
type bulletMark struct {
	mark string
	// spaced is set for a mark that needs a space after it: "-1" is a number, "*args" a
	// name, "ㅇㅇ" a word. The others begin no word and may be glued to their text.
	spaced bool
	// cell is set for a mark that tables also write at the start of a cell ("○" for
	// supported, "▶ 참고"): such a line does not end a cell written one line per cell
	// (startsBlock).
	cell bool
}

// bulletMarks are the marks read as bullets: the ASCII and typographic ones, then the
// geometric ones of Korean and Japanese documents.
var bulletMarks = []bulletMark{
	{"-", true, false}, {"*", true, false}, {"+", true, false}, {"•", false, false},
	{"·", true, false}, {"◦", false, false}, {"▪", false, false}, {"–", true, true},
	{"○", false, true}, {"●", false, true}, {"◎", false, true}, {"■", false, true},
	{"□", false, true}, {"▫", false, true}, {"◆", false, true}, {"◇", false, true},
	{"▶", false, true}, {"▷", false, true}, {"►", false, true}, {"▸", false, true},
	{"‣", false, true}, {"⁃", true, true}, {"・", false, true}, {"ㅇ", true, true},
}

// reNumberMark matches the number that begins an item of a numbered list: "1." and "1)",
// "(1)" (full-width too), "①" and "㉠" (circled), "가." and "가)" (the Hangul letters
// Korean counts with), "Ⅰ." (Roman numerals). Groups 1 to 8 tell them apart.
var reNumberMark = regexp.MustCompile(`^(?:(\d{1,4})([.)])\s+|[(（](\d{1,3})[)）]\s*|([①-⑳㉠-㉻])\s*|([가나다라마바사아자차카타파하])\s*([.)])\s+|([Ⅰ-Ⅻ])\s*(\.)\s*)`)

// listItem returns the text of a bulleted or numbered list item and the kind of its mark:
// the bullet ("○", "-"), or the shape of the number ("1.", "(1)", "①", "가.", "Ⅰ."). A
// mark that a sentence begins with, speaking of the mark itself ("○ 표시는 필수", "* は
// 必須", "* indicates a required field"), begins no item; nor does "※", which begins a
// note.
func listItem(t string) (text, mark string, ok bool) {
	for _, b := range bulletMarks {
		rest, found := strings.CutPrefix(t, b.mark)
		if !found {
			continue
		}
		spaced := strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "\t") || strings.HasPrefix(rest, "\u3000")
		if b.spaced && !spaced {
			continue
		}
		text = strings.TrimSpace(rest)
		if text == "" || marksProse(text, !spaced) {
			return "", "", false
		}
		return text, b.mark, true
	}
	if t == "" || !strings.ContainsAny(t[:1], "0123456789(") && t[0] < utf8.RuneSelf {
		return "", "", false // most lines: no number either
	}
	m := reNumberMark.FindStringSubmatch(t)
	if m == nil || (m[1] != "" && leadingDate(t)) {
		return "", "", false // "2025. 4. 18.\t…": a date begins the line, no number of an item
	}
	text = strings.TrimSpace(t[len(m[0]):])
	if text == "" {
		return "", "", false
	}
	switch {
	case m[1] != "":
		mark = "1" + m[2]
	case m[3] != "":
		mark = "(1)"
	case m[4] != "":
		mark = "①"
		if m[4] >= "㉠" {
			mark = "㉠"
		}
	case m[5] != "":
		mark = "가" + m[6]
	default:
		mark = "Ⅰ."
	}
	return text, mark, true
}

// leadingDate reports whether line t begins with a date (isDate) that ends at a tab, at
// two spaces or at the line's end: a cell of a row copied from a table, or a changelog's
// line ("2025. 4. 18.\tORD_002 추가"), whose year is no item's number.
func leadingDate(t string) bool {
	end := len(t)
	if i := strings.IndexByte(t, '\t'); i >= 0 {
		end = i
	}
	if i := strings.Index(t[:end], "  "); i >= 0 {
		end = i
	}
	return dayDate(strings.TrimSpace(t[:end]))
}

// numberedMark reports whether a mark of listItem is a number, which is part of the title
// it begins ("1. 공통 오류"), where a bullet is not.
func numberedMark(mark string) bool {
	for _, b := range bulletMarks {
		if b.mark == mark {
			return false
		}
	}
	return true
}

// cellMark reports whether a mark of listItem is one that tables also write at the start
// of a cell (see bulletMark).
func cellMark(mark string) bool {
	for _, b := range bulletMarks {
		if b.mark == mark {
			return b.cell
		}
	}
	return false
}

// markWords are the words that say what a mark means when a sentence begins with the mark
// ("○ 표시는 …", "* indicates …").
var markWords = map[string]bool{
	"표시": true, "표시는": true, "표시가": true, "표시된": true, "표시한": true, "기호": true, "기호는": true,
	"indicates": true, "denotes": true, "means": true, "marks": true,
	"印": true, "印は": true, "印の": true,
}

// marksProse reports whether the text after a mark shows that the mark is a word of a
// sentence, not a bullet: a particle or punctuation follows it ("○는", "*: 필수"), a word
// that says what it means, or, glued to it, a Japanese particle ("○は対応").
func marksProse(text string, glued bool) bool {
	if startsWithParticle(text) || markWords[strings.ToLower(firstWord(text))] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text)
	return glued && strings.ContainsRune("はがのをにでとも", r)
}

// openItem is an item of the list being read that a line may still stand under: the top
// item, the item under it the last line went to, and so on down.
type openItem struct {
	mark   string
	indent int
	depth  int // 0 for an item of the list itself, 1 for an item under one, …
}

// maxListDepth is how deep items are nested: a deeper one is written at this depth, which
// keeps finding where a line goes (placeLine) cheap.
const maxListDepth = 8

// placeLine returns how many of the open items stay open when a line with mark (a bullet, or
// "" for a line of text) and indent comes: the line goes under the last of them, or
// begins an item of the list itself when none stays. A line goes under an item when it is
// indented deeper, or is an item at its indent whose mark the document first used after
// the item's (levels: the order in which the document first used its marks); an item of
// the same mark at the same indent is its sibling.
func placeLine(open []openItem, mark string, indent int, levels map[string]int) int {
	for k := len(open); k > 0; k-- {
		c := open[k-1]
		if indent > c.indent {
			return k
		}
		if indent == c.indent && mark != "" {
			if mark == c.mark {
				return k - 1
			}
			if lv, ok := levels[mark]; !ok || lv > levels[c.mark] {
				return k
			}
		}
	}
	return 0
}

// readList reads the list that begins at blocks[i] (an item), with the lines under its
// items, up to the first block that belongs to none of them; a bulleted title (see the
// file's comment) is a heading. It returns the blocks it made and the index of the first
// block it left. levels are the document's marks in the order it first used them.
func readList(blocks []sblock, i int, levels map[string]int) ([]sblock, int) {
	var out []sblock
	var list *sblock // the list being read
	var open []openItem
	var lines []string // the last item's text and the lines under it
	afterBlank := false
	endItem := func() {
		if list != nil && len(lines) > 0 {
			list.items[len(list.items)-1] = strings.Join(lines, "\n")
		}
		lines = lines[:0]
	}
	endList := func() {
		endItem()
		if list != nil {
			out = append(out, *list)
		}
		list, open = nil, nil
	}
	// next returns the index of the first block after k that is not blank.
	next := func(k int) int {
		for k++; k < len(blocks) && blocks[k].kind == sbBlank; k++ {
		}
		return k
	}
	for ; i < len(blocks); i++ {
		b := blocks[i]
		switch b.kind {
		case sbBlank:
			// A blank line between items, or between an item and the lines under it, does
			// not end the list; one before anything else does.
			j := next(i)
			if j >= len(blocks) {
				endList()
				return out, j
			}
			switch n := blocks[j]; n.kind {
			case sbList:
				if list == nil || placeLine(open, n.mark, n.indent, levels) > 0 || n.mark == open[0].mark {
					afterBlank = true
					i = j - 1
					continue
				}
			case sbText, sbStatus:
				if list != nil && placeLine(open, "", n.indent, levels) > 0 {
					afterBlank = true
					i = j - 1
					continue
				}
			}
			endList()
			return out, i
		case sbList:
			if _, ok := levels[b.mark]; !ok {
				levels[b.mark] = len(levels) + 1
			}
			k := 0
			if list != nil {
				k = placeLine(open, b.mark, b.indent, levels)
			}
			afterBlank = false
			if k > 0 {
				// An item under the open item k-1: a line of its text.
				open = open[:min(k, maxListDepth)]
				depth := len(open)
				lines = append(lines, strings.Repeat("  ", depth-1)+"- "+b.items[0])
				open = append(open, openItem{mark: b.mark, indent: b.indent, depth: depth})
				continue
			}
			if list != nil && b.mark == open[0].mark {
				endItem() // the next item of the list
			} else {
				endList()
				if title, ok := listTitle(blocks, i, next(i)); ok {
					out = append(out, sblock{kind: sbHeading, line: b.line, pos: b.pos, text: title})
					continue
				}
				list = &sblock{kind: sbList, line: b.line, pos: b.pos, sblockList: &sblockList{}}
			}
			list.items = append(list.items, b.items[0])
			list.itemPos = append(list.itemPos, b.itemPos[0])
			lines = append(lines[:0], b.items[0])
			open = append(open[:0], openItem{mark: b.mark, indent: b.indent})
		case sbText, sbStatus:
			if list == nil {
				return out, i
			}
			k := placeLine(open, "", b.indent, levels)
			if k == 0 {
				// Copying lost the indentation: a labelled line right under an item says
				// something of it ("조치 : …", "Fix: …").
				if afterBlank || !detailLabel(b.text) {
					endList()
					return out, i
				}
				k = 1
			}
			inner := k == len(open) // the last line written is this item's, or under it
			open = open[:k]
			afterBlank = false
			last := len(lines) - 1
			if inner && !detailLabel(b.text) && (open[k-1].depth > 0 || wrapsOn(lines[last], b.text)) {
				// The item's text wrapped onto this line. Under an item of the list, a line
				// of its own is what is said of it; under an item of that, it can only be
				// more of its text.
				if !gluesOn(b.text) {
					lines[last] += " "
				}
				lines[last] += b.text
				continue
			}
			lines = append(lines, strings.Repeat("  ", open[k-1].depth)+b.text)
		default:
			endList()
			return out, i
		}
	}
	endList()
	return out, i
}

// listTitle returns the title that the item blocks[i] is, when it is one: a line that
// reads as a heading (not a code and its text, not a labelled line) with no item of its
// mark at its indent after it, and something after it (blocks[j], the first block after
// it that is not blank). A number is part of the title; a bullet is not. A numbered
// title may begin with a name written like a code ("2. OpenAPI 에러 코드정리").
func listTitle(blocks []sblock, i, j int) (string, bool) {
	b := blocks[i]
	if j >= len(blocks) {
		return "", false
	}
	if n := blocks[j]; n.kind == sbList && n.mark == b.mark && n.indent == b.indent {
		return "", false // an item of a list
	}
	text := b.items[0]
	if !headingLike(text) || detailLabel(text) {
		return "", false
	}
	if code, _, ok := splitListCode(text); ok && !(numberedMark(b.mark) && letterWord(code) && !separatedText(text, code)) {
		return "", false
	}
	if numberedMark(b.mark) {
		return b.text, true
	}
	return text, true
}

// letterWord reports whether s is a word of letters only ("OpenAPI", "GitHub"): a numbered
// title may begin with such a name, which its capitals make look like a code; a code of
// digits, underscores or hyphens begins no title.
func letterWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// separatedText reports whether code is followed by a separator and text ("AccessDenied
// - Access denied", "Timeout: …", "Busy — …"): a code and its message, not a title's
// first word.
func separatedText(text, code string) bool {
	t := trimDecoration(text)
	k := strings.Index(t, code)
	if k < 0 {
		return false
	}
	rest := t[k+len(code):]
	for _, sep := range []string{" - ", " – ", " — ", " : ", ": ", "：", "\t"} {
		if after, ok := strings.CutPrefix(rest, sep); ok && strings.TrimSpace(after) != "" {
			return true
		}
	}
	return false
}

// detailLabel reports whether a line is labelled with a word that names what is said of
// an error: its cause or description, what to do, its message or status ("원인 : …",
// "Fix: …", "対処：…", "HTTP 상태: 404").
func detailLabel(line string) bool {
	if !strings.ContainsAny(line, ":：") && !strings.Contains(line, "HTTP") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(line); !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-*_【", r) {
		return false // a line of JSON ({"message": …}) or a quotation names no field
	}
	l, ok := readLabel(line)
	return ok && l.role != roleCode
}

// wrapsOn reports whether line next goes on with the text of line prev, wrapped where the
// copy broke it: prev stops mid-sentence, or next begins with a particle or punctuation
// that cannot begin a sentence. Any other line under an item is a line of its own.
func wrapsOn(prev, next string) bool {
	return !endsSentence(prev) && (startsWithParticle(next) || endsMidSentence(prev))
}
