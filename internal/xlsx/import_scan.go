package xlsx

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// xmlScanner tokenizes worksheet XML for the sheet reader. encoding/xml
// allocates for every token and was a fifth of a 100,000-row import; the
// worksheet needs only start and end tags, three attributes and text, so
// this scanner does just that, on a buffered reader, with entity and CDATA
// handling. import_scan_test.go checks it against encoding/xml.
type xmlScanner struct {
	r *bufio.Reader

	// The tag just read.
	name                []byte // local name, without a namespace prefix
	end                 bool   // </name>
	empty               bool   // <name/>
	attrR, attrT, attrS []byte
	attrHidden          bool // hidden="1" or "true" (a hidden row)

	scratch    []byte
	pendingEnd bool // the last tag was <name/>: its end comes next
}

var errBadXML = errors.New("malformed XML")

// maxTagBytes bounds one tag; worksheet tags are a few dozen bytes.
const maxTagBytes = 64 << 10

func newXMLScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{r: bufio.NewReaderSize(r, 64<<10)}
}

// next reads text up to the next tag, appending it (entities decoded) to
// *text when text is not nil, then reads the tag. limit bounds *text: past
// it, next returns errTextTooLong. At the end of input it returns io.EOF.
func (s *xmlScanner) next(text *[]byte, limit int) error {
	if s.pendingEnd { // <name/> reads as <name></name>, as in encoding/xml
		s.pendingEnd, s.end, s.empty = false, true, false
		s.attrR, s.attrT, s.attrS, s.attrHidden = nil, nil, nil, false
		return nil
	}
	for {
		chunk, err := s.r.ReadSlice('<')
		n := len(chunk)
		if err == nil {
			n-- // the '<'
		}
		if text != nil && n > 0 {
			if err := appendText(text, chunk[:n], limit); err != nil {
				return err
			}
		}
		switch err {
		case nil:
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			return io.EOF
		default:
			return err
		}
		b, err := s.r.ReadByte()
		if err != nil {
			return eofIsBad(err)
		}
		switch b {
		case '!':
			if err := s.special(text, limit); err != nil {
				return err
			}
			continue
		case '?':
			if err := s.skipUntil("?>"); err != nil {
				return err
			}
			continue
		}
		s.r.UnreadByte()
		return s.tag()
	}
}

func eofIsBad(err error) error {
	if err == io.EOF {
		return errBadXML
	}
	return err
}

var errTextTooLong = errors.New("text too long")

// appendText appends raw character data, decoding entities and folding
// \r\n and \r to \n as XML requires.
func appendText(dst *[]byte, raw []byte, limit int) error {
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, "&\r")
		if i < 0 {
			*dst = append(*dst, raw...)
			break
		}
		*dst = append(*dst, raw[:i]...)
		if raw[i] == '\r' {
			*dst = append(*dst, '\n')
			raw = raw[i+1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			continue
		}
		j := bytes.IndexByte(raw[i:], ';')
		if j < 0 {
			return errBadXML
		}
		r, ok := entity(raw[i+1 : i+j])
		if !ok {
			return errBadXML
		}
		*dst = utf8.AppendRune(*dst, r)
		raw = raw[i+j+1:]
	}
	if len(*dst) > limit {
		return errTextTooLong
	}
	return nil
}

func entity(name []byte) (rune, bool) {
	switch string(name) {
	case "amp":
		return '&', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "quot":
		return '"', true
	case "apos":
		return '\'', true
	}
	if len(name) > 1 && name[0] == '#' {
		var v uint64
		var err error
		if name[1] == 'x' {
			v, err = strconv.ParseUint(string(name[2:]), 16, 32)
		} else {
			v, err = strconv.ParseUint(string(name[1:]), 10, 32)
		}
		if err != nil || v == 0 || v > utf8.MaxRune || !isXMLChar(rune(v)) {
			return 0, false
		}
		return rune(v), true
	}
	return 0, false
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// special handles what follows "<!": a comment, a CDATA section (text) or
// a declaration, which is skipped.
func (s *xmlScanner) special(text *[]byte, limit int) error {
	p, err := s.r.Peek(2)
	if err != nil {
		return eofIsBad(err)
	}
	if string(p) == "--" {
		s.r.Discard(2)
		return s.skipUntil("-->")
	}
	p, err = s.r.Peek(7)
	if err == nil && string(p) == "[CDATA[" {
		s.r.Discard(7)
		if text == nil {
			return s.skipUntil("]]>")
		}
		s.scratch = s.scratch[:0]
		if err := s.readUntil("]]>", &s.scratch, limit); err != nil {
			return err
		}
		*text = append(*text, s.scratch...)
		if len(*text) > limit {
			return errTextTooLong
		}
		return nil
	}
	return s.skipDirective()
}

// skipDirective skips <!DOCTYPE …> and the like the way encoding/xml reads
// them: quoted text and nested <…> do not end them, comments inside do not count.
func (s *xmlScanner) skipDirective() error {
	if _, err := s.r.ReadByte(); err != nil { // the first byte is taken as it is
		return eofIsBad(err)
	}
	inQuote, depth, n := byte(0), 0, 0
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return eofIsBad(err)
		}
		if n++; n > maxTagBytes {
			return errBadXML
		}
		switch {
		case inQuote == 0 && b == '>' && depth == 0:
			return nil
		case b == inQuote:
			inQuote = 0
		case inQuote != 0:
		case b == '\'' || b == '"':
			inQuote = b
		case b == '>':
			depth--
		case b == '<':
			if p, err := s.r.Peek(3); err == nil && string(p) == "!--" {
				s.r.Discard(3)
				if err := s.skipUntil("-->"); err != nil {
					return err
				}
				continue
			}
			depth++
		}
	}
}

// skipUntil reads past the next occurrence of end, keeping nothing.
func (s *xmlScanner) skipUntil(end string) error {
	return s.readUntil(end, nil, 0)
}

// readUntil reads up to and past end, leaving what came before in *dst
// (at most limit bytes) or, with dst nil, dropping it.
func (s *xmlScanner) readUntil(end string, dst *[]byte, limit int) error {
	last := end[len(end)-1]
	var tail []byte // the last bytes read, to find end across chunks
	for {
		chunk, err := s.r.ReadSlice(last)
		if dst != nil {
			*dst = append(*dst, chunk...)
			if len(*dst) > limit+len(end) {
				return errTextTooLong
			}
		}
		tail = append(tail, chunk...)
		if len(tail) > len(end) {
			tail = append(tail[:0], tail[len(tail)-len(end):]...)
		}
		switch err {
		case nil:
			if bytes.HasSuffix(tail, []byte(end)) {
				if dst != nil {
					*dst = (*dst)[:len(*dst)-len(end)]
				}
				return nil
			}
		case bufio.ErrBufferFull:
		default:
			return eofIsBad(err)
		}
	}
}

// tag reads a start or end tag after its '<'.
func (s *xmlScanner) tag() error {
	s.end, s.empty = false, false
	s.attrR, s.attrT, s.attrS, s.attrHidden = nil, nil, nil, false
	b, err := s.r.ReadByte()
	if err != nil {
		return eofIsBad(err)
	}
	if b == '/' {
		s.end = true
	} else {
		s.r.UnreadByte()
	}
	s.scratch = s.scratch[:0]
	inQuote := byte(0)
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			return eofIsBad(err)
		}
		if inQuote != 0 {
			if b == inQuote {
				inQuote = 0
			}
		} else if b == '"' || b == '\'' {
			inQuote = b
		} else if b == '>' {
			break
		} else if b == '<' {
			return errBadXML
		}
		s.scratch = append(s.scratch, b)
		if len(s.scratch) > maxTagBytes {
			return errBadXML
		}
	}
	t := s.scratch
	if !s.end && len(t) > 0 && t[len(t)-1] == '/' {
		s.empty = true
		t = t[:len(t)-1]
	}
	i := bytes.IndexAny(t, " \t\r\n")
	name, rest := t, []byte(nil)
	if i >= 0 {
		name, rest = t[:i], t[i:]
	}
	if len(name) == 0 {
		return errBadXML
	}
	// As encoding/xml: "x:row" is row in namespace x; ":row" and "row:"
	// are names of their own; two colons are an error.
	if k := bytes.IndexByte(name, ':'); k > 0 && k < len(name)-1 {
		if bytes.IndexByte(name[k+1:], ':') >= 0 {
			return errBadXML
		}
		name = name[k+1:]
	}
	s.name = name
	if s.end {
		return nil
	}
	s.pendingEnd = s.empty
	return s.attrs(rest)
}

// attrs keeps the unprefixed r, t and s attributes of a start tag.
func (s *xmlScanner) attrs(t []byte) error {
	haveR, haveT, haveS := false, false, false
	for {
		t = bytes.TrimLeft(t, " \t\r\n")
		if len(t) == 0 {
			return nil
		}
		eq := bytes.IndexByte(t, '=')
		if eq <= 0 {
			return errBadXML
		}
		key := bytes.TrimRight(t[:eq], " \t\r\n")
		t = bytes.TrimLeft(t[eq+1:], " \t\r\n")
		if len(t) == 0 || (t[0] != '"' && t[0] != '\'') {
			return errBadXML
		}
		q := t[0]
		end := bytes.IndexByte(t[1:], q)
		if end < 0 {
			return errBadXML
		}
		val := t[1 : 1+end]
		t = t[2+end:]
		if bytes.IndexByte(val, '&') >= 0 {
			var dec []byte
			if err := appendText(&dec, val, maxTagBytes); err != nil {
				return err
			}
			val = dec
		}
		// The first of repeated attributes counts, as for encoding/xml's users.
		switch string(key) {
		case "r":
			if !haveR {
				s.attrR, haveR = val, true
			}
		case "t":
			if !haveT {
				s.attrT, haveT = val, true
			}
		case "s":
			if !haveS {
				s.attrS, haveS = val, true
			}
		case "hidden":
			s.attrHidden = string(val) == "1" || string(val) == "true"
		}
	}
}

func (s *xmlScanner) is(name string) bool { return string(s.name) == name }
